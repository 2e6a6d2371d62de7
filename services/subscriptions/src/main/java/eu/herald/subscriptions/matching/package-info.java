/** The matcher: for each session change, every affected municipality gets exactly one self-contained notification request. */
@NullMarked
package eu.herald.subscriptions.matching;

import org.jspecify.annotations.NullMarked;
