/** Values and failures shared by the catalogue's features: multilingual texts, invalid input, missing and stale resources. */
@NullMarked
package eu.herald.catalogue.shared;

import org.jspecify.annotations.NullMarked;
