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
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log: one request to one endpoint.
 *
 * @param notBefore set when the delivery was held (SCHEDULED): the earliest it could go out; kept once it went out
 *     (a retry's time while it is RETRYING)
 * @param lead for a reminder, how long before the session's start it goes out
 * @param digestAt the daily digest the delivery goes out in, or null when it goes out on its own
 * @param sinceChangeId the earliest change of the session this endpoint has not received, when it is not this
 *     delivery's own (an older held or retrying delivery was superseded by this one): what changed is told since it
 * @param traceparent the trace of its request (of the change, from the operator's request on), which every attempt
 *     continues; null when the request carried none
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
        @Nullable Instant notBefore,
        DeliveryKind kind,
        @Nullable Duration lead,
        @Nullable Instant digestAt,
        @Nullable ChangeId sinceChangeId,
        @Nullable String traceparent) {

    /**
     * A new delivery; {@code heldUntil} is the lease of the dispatcher about to attempt it, or null when nobody
     * can attempt it yet (no notifier for its channel).
     */
    static Delivery pending(NotificationRequest request, Endpoint endpoint, Instant now, @Nullable Instant heldUntil) {
        return recorded(
                DeliveryId.of(request.change().id(), endpoint.id()),
                request,
                endpoint,
                now,
                DeliveryStatus.PENDING,
                null,
                heldUntil,
                null,
                DeliveryKind.CHANGE,
                null,
                null);
    }

    /**
     * A new delivery held until {@code hold} ends: SCHEDULED, its reason the hold's, due for the retry scheduler
     * when the hold ends.
     */
    static Delivery scheduled(NotificationRequest request, Endpoint endpoint, Instant now, Hold hold) {
        return recorded(
                DeliveryId.of(request.change().id(), endpoint.id()),
                request,
                endpoint,
                now,
                DeliveryStatus.SCHEDULED,
                hold.reason().name(),
                hold.notBefore(),
                hold.notBefore(),
                DeliveryKind.CHANGE,
                null,
                hold.reason() == Hold.Reason.DAILY_DIGEST ? hold.notBefore() : null);
    }

    /** A reminder {@code lead} before the request's session starts, held until then. */
    static Delivery reminder(NotificationRequest request, Endpoint endpoint, Instant now, Duration lead) {
        Instant at = request.change().session().startsAt().minus(lead);
        return recorded(
                DeliveryId.reminder(request.change().id(), endpoint.id(), lead),
                request,
                endpoint,
                now,
                DeliveryStatus.SCHEDULED,
                "REMINDER",
                at,
                at,
                DeliveryKind.REMINDER,
                lead,
                null);
    }

    private static Delivery recorded(
            DeliveryId id,
            NotificationRequest request,
            Endpoint endpoint,
            Instant now,
            DeliveryStatus status,
            @Nullable String reason,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant notBefore,
            DeliveryKind kind,
            @Nullable Duration lead,
            @Nullable Instant digestAt) {
        SessionChange change = request.change();
        return new Delivery(
                id,
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
                notBefore,
                kind,
                lead,
                digestAt,
                null,
                request.traceparent());
    }

    /** Attempts since the first one or the last replay. */
    int attemptsInSchedule() {
        return attempts - retriesFrom;
    }
}
