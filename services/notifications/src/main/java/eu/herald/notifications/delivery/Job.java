package eu.herald.notifications.delivery;

import eu.herald.notifications.delivery.DeliveryClaims.Claimed;
import eu.herald.notifications.delivery.DeliveryClaims.ClaimedDigest;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What to send and the deliveries it makes: one, or all of an endpoint's in a digest (the first is the one its
 * retries are reckoned by).
 */
record Job(List<Delivery> deliveries, Function<Notifier, DeliveryResult> message) {

    static Job of(Delivery delivery, NotificationRequest request, Endpoint endpoint) {
        Duration lead = delivery.lead();
        return new Job(
                List.of(delivery),
                delivery.kind() == DeliveryKind.REMINDER && lead != null
                        ? notifier -> notifier.remind(delivery.id(), request, endpoint, lead)
                        : notifier -> notifier.send(delivery.id(), request, endpoint));
    }

    static Job digest(ClaimedDigest digest, Endpoint endpoint) {
        List<Claimed> claimed = digest.deliveries();
        NotificationRequest latest =
                Objects.requireNonNull(claimed.get(claimed.size() - 1).request());
        Digest message = new Digest(
                latest.recipient(),
                digest.at(),
                claimed.stream()
                        .map(due -> Objects.requireNonNull(due.request()).change())
                        .toList());
        DeliveryId id = DeliveryId.digest(digest.endpoint(), digest.at());
        return new Job(
                claimed.stream().map(Claimed::delivery).toList(),
                notifier -> notifier.sendDigest(id, message, endpoint));
    }

    Delivery delivery() {
        return deliveries.get(0);
    }
}
