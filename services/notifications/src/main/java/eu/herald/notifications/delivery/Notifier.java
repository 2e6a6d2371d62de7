package eu.herald.notifications.delivery;

import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Sends one delivery over one channel. Implementations report failures as results instead of throwing, and
 * derive the receiver-visible id (email Message-ID, webhook-id, push Topic) from the delivery id, so that a
 * repeated attempt can be recognised by the receiver.
 */
public interface Notifier {

    Channel channel();

    DeliveryResult send(DeliveryId delivery, NotificationRequest request, Endpoint endpoint);

    /** The waits before each retry of this channel, when they differ from the delivery default. */
    default Optional<List<Duration>> retrySchedule() {
        return Optional.empty();
    }

    /** Deliveries of this channel attempted at once per instance, when it differs from the delivery default. */
    default OptionalInt concurrency() {
        return OptionalInt.empty();
    }
}
