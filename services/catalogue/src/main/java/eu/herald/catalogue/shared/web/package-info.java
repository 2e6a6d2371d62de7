/** RFC 9457 problem responses for the catalogue's HTTP API. */
@NullMarked
package eu.herald.catalogue.shared.web;

import org.jspecify.annotations.NullMarked;
