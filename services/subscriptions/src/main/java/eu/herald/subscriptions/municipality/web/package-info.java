/** HTTP API of municipalities. */
@NullMarked
package eu.herald.subscriptions.municipality.web;

import org.jspecify.annotations.NullMarked;
