/**
 * Kafka side of deliveries: reads {@code subscriptions.notification-requests.v1} into the service's own records,
 * dead-letters what cannot be read, and relays recorded outcomes to {@code notifications.delivery-outcomes.v1}.
 */
@NullMarked
package eu.herald.notifications.delivery.messaging;

import org.jspecify.annotations.NullMarked;
