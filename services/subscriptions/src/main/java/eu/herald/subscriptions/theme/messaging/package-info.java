/** Consumes the catalogue's compacted theme topic into the local taxonomy. */
@NullMarked
package eu.herald.subscriptions.theme.messaging;

import org.jspecify.annotations.NullMarked;
