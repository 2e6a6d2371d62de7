/** HTTP API of the theme taxonomy. */
@NullMarked
package eu.herald.catalogue.theme.web;

import org.jspecify.annotations.NullMarked;
