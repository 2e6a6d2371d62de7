/**
 * Kafka side of erasures: reads {@code subscriptions.erasures.v1} and dead-letters what cannot be read.
 */
@NullMarked
package eu.herald.notifications.erasure.messaging;

import org.jspecify.annotations.NullMarked;
