/**
 * Herald on one machine without containers: PostgreSQL, a Kafka broker, a mailbox, the authorization
 * server, the three services and the web application as separate processes, started and stopped in order. Used by {@code ./herald-local}
 * and by the end-to-end test.
 */
@NullMarked
package eu.herald.local;

import org.jspecify.annotations.NullMarked;
