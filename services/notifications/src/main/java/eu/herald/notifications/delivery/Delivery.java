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
import eu.herald.notifications.timing.Hold;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log: one request to one endpoint.
 *
 * @param notBefore set when the delivery was held (SCHEDULED): the earliest it could go out; kept once it went out
 */
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
        int retriesFrom,
        @Nullable Instant notBefore) {

    /**
     * A new delivery; {@code heldUntil} is the lease of the dispatcher about to attempt it, or null when nobody
     * can attempt it yet (no notifier for its channel).
     */
    static Delivery pending(NotificationRequest request, Endpoint endpoint, Instant now, @Nullable Instant heldUntil) {
        return recorded(request, endpoint, now, DeliveryStatus.PENDING, null, heldUntil, null);
    }

    /**
     * A new delivery held until {@code hold} ends: SCHEDULED, its reason the hold's, due for the retry scheduler
     * when the hold ends.
     */
    static Delivery scheduled(NotificationRequest request, Endpoint endpoint, Instant now, Hold hold) {
        return recorded(
                request,
                endpoint,
                now,
                DeliveryStatus.SCHEDULED,
                hold.reason().name(),
                hold.notBefore(),
                hold.notBefore());
    }

    private static Delivery recorded(
            NotificationRequest request,
            Endpoint endpoint,
            Instant now,
            DeliveryStatus status,
            @Nullable String reason,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant notBefore) {
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
                status,
                reason,
                0,
                change.occurredAt(),
                null,
                null,
                now,
                now,
                nextAttemptAt,
                0,
                notBefore);
    }

    /** Attempts since the first one or the last replay. */
    int attemptsInSchedule() {
        return attempts - retriesFrom;
    }
}
