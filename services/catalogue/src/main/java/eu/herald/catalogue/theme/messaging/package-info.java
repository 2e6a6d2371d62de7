/** Publishes the theme taxonomy on the compacted catalogue.themes.v1, through the outbox. */
@NullMarked
package eu.herald.catalogue.theme.messaging;

import org.jspecify.annotations.NullMarked;
