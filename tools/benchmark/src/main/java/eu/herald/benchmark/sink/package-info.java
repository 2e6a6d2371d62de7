/**
 * The receivers of the benchmark: an SMTP sink and a webhook sink that count what they receive,
 * with the time each delivery arrived and its id (Message-ID, webhook-id).
 */
@NullMarked
package eu.herald.benchmark.sink;

import org.jspecify.annotations.NullMarked;
