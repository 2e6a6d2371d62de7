package eu.herald.notifications.delivery;

import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Digest;
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

    /**
     * Reminds the recipient that the request's session starts in {@code lead}: its title, local start and join
     * link, in the recipient's language and zone. A reminder that can expire (web push) expires at the session's
     * start.
     */
    DeliveryResult remind(DeliveryId delivery, NotificationRequest request, Endpoint endpoint, Duration lead);

    /** Sends the recipient's daily digest: one message summing up every change in it, grouped by event and session. */
    DeliveryResult sendDigest(DeliveryId delivery, Digest digest, Endpoint endpoint);

    /** The waits before each retry of this channel, when they differ from the delivery default. */
    default Optional<List<Duration>> retrySchedule() {
        return Optional.empty();
    }

    /** Deliveries of this channel attempted at once per instance, when it differs from the delivery default. */
    default OptionalInt concurrency() {
        return OptionalInt.empty();
    }
}
