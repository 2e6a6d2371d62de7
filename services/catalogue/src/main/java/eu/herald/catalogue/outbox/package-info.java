/** Transactional outbox: messages are stored with the change they announce and relayed to Kafka in order. */
@NullMarked
package eu.herald.catalogue.outbox;

import org.jspecify.annotations.NullMarked;
