/** The catalogue's theme taxonomy, held locally from {@code catalogue.themes.v1}, to validate what municipalities follow and to label themes on the public pages. */
@NullMarked
package eu.herald.subscriptions.theme;

import org.jspecify.annotations.NullMarked;
