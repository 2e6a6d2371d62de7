/**
 * The municipality portal: what a clerk (or the admin) sees of one municipality, read from and written to the
 * subscriptions service with their own token, names taken from the catalogue in the page's language.
 */
@NullMarked
package eu.herald.web.portal;

import org.jspecify.annotations.NullMarked;
