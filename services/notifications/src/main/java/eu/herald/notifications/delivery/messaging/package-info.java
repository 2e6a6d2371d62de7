/**
 * Kafka side of deliveries: reads {@code subscriptions.notification-requests.v1} into the service's own records,
 * dead-letters what cannot be read, and relays recorded outcomes to {@code notifications.delivery-outcomes.v1}.
 * Its treatment of unreadable records and its topic settings are shared with the other modules' listeners.
 */
@NullMarked
@NamedInterface("messaging")
package eu.herald.notifications.delivery.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
