/** A municipality's overview: its name, language and zone, its preferences, and its erasure. */
@NullMarked
package eu.herald.web.portal.overview;

import org.jspecify.annotations.NullMarked;
