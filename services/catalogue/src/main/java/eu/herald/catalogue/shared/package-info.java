/** Values shared by the catalogue's features: multilingual texts, version tags, web links, the operator API's name. */
@NullMarked
package eu.herald.catalogue.shared;

import org.jspecify.annotations.NullMarked;
