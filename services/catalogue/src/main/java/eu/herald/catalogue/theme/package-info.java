/** The theme taxonomy sessions and events are tagged with. */
@NullMarked
package eu.herald.catalogue.theme;

import org.jspecify.annotations.NullMarked;
