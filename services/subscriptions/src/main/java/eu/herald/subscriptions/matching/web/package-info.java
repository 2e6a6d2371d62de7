/** HTTP API of the matcher's dry run: who a change would reach. */
@NullMarked
package eu.herald.subscriptions.matching.web;

import org.jspecify.annotations.NullMarked;
