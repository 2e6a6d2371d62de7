/** Kafka side of the matcher: consumes session changes and publishes notification requests in one transaction. */
@NullMarked
package eu.herald.subscriptions.matching.messaging;

import org.jspecify.annotations.NullMarked;
