/** The catalogue service: events, their sessions and the theme taxonomy; announces every change of a published session. */
@NullMarked
package eu.herald.catalogue;

import org.jspecify.annotations.NullMarked;
