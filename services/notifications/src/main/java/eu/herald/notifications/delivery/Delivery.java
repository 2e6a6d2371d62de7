package eu.herald.notifications.delivery;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.MunicipalityId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.RequestId;
import eu.herald.notifications.request.SessionChange;
import eu.herald.notifications.request.SessionId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of the delivery log: one request to one endpoint. */
public record Delivery(
        DeliveryId id,
        RequestId requestId,
        ChangeId changeId,
        SessionId sessionId,
        int sessionVersion,
        MunicipalityId municipalityId,
        EndpointId endpointId,
        Channel channel,
        @Nullable String address,
        DeliveryStatus status,
        @Nullable String reason,
        int attempts,
        Instant changedAt,
        @Nullable Instant firstAttemptAt,
        @Nullable Instant sentAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant nextAttemptAt,
        int retriesFrom) {

    /**
     * A new delivery; {@code heldUntil} is the lease of the dispatcher about to attempt it, or null when nobody
     * can attempt it yet (no notifier for its channel).
     */
    static Delivery pending(NotificationRequest request, Endpoint endpoint, Instant now, @Nullable Instant heldUntil) {
        SessionChange change = request.change();
        return new Delivery(
                DeliveryId.of(change.id(), endpoint.id()),
                request.id(),
                change.id(),
                change.session().id(),
                change.session().version(),
                request.recipient().municipalityId(),
                endpoint.id(),
                endpoint.channel(),
                endpoint.address(),
                DeliveryStatus.PENDING,
                null,
                0,
                change.occurredAt(),
                null,
                null,
                now,
                now,
                heldUntil,
                0);
    }

    /** Attempts since the first one or the last replay. */
    int attemptsInSchedule() {
        return attempts - retriesFrom;
    }
}
