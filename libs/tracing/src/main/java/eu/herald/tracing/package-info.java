/**
 * One trace per change across the services: the W3C trace context kept with work that another thread takes up
 * later (an outbox row, a delivery), and the names of the log fields that say which change or delivery a line is
 * about.
 */
@NullMarked
package eu.herald.tracing;

import org.jspecify.annotations.NullMarked;
