/**
 * RFC 9457 problem details for every error a Herald service answers over HTTP, and the exceptions its features
 * throw to ask for them.
 */
@NullMarked
package eu.herald.problems;

import org.jspecify.annotations.NullMarked;
