/** HTTP API of events. */
@NullMarked
package eu.herald.catalogue.event.web;

import org.jspecify.annotations.NullMarked;
