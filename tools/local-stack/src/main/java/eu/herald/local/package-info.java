/**
 * Herald on one machine without containers: PostgreSQL, a Kafka broker, a mailbox and the three
 * services as separate processes, started and stopped in order. Used by {@code ./herald-local}
 * and by the end-to-end test.
 */
@NullMarked
package eu.herald.local;

import org.jspecify.annotations.NullMarked;
