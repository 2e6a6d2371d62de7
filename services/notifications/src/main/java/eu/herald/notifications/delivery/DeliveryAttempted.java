package eu.herald.notifications.delivery;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.MunicipalityId;
import eu.herald.notifications.request.RequestId;
import eu.herald.notifications.request.SessionId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one attempt, recorded with the delivery's new status and published afterwards; {@code
 * nextAttemptAt} is set when it is RETRYING, {@code responseStatus} when the receiver answered over HTTP. A delivery
 * held (SCHEDULED) or superseded before any attempt has an outcome too, with no attempts. {@code traceparent} is
 * the delivery's trace, which the outcome's message continues.
 */
public record DeliveryAttempted(
        OutcomeId id,
        DeliveryId deliveryId,
        RequestId requestId,
        ChangeId changeId,
        SessionId sessionId,
        int sessionVersion,
        MunicipalityId municipalityId,
        EndpointId endpointId,
        Channel channel,
        DeliveryStatus status,
        @Nullable String reason,
        boolean endpointGone,
        int attempts,
        Instant changedAt,
        @Nullable Instant firstAttemptAt,
        @Nullable Instant sentAt,
        Instant occurredAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Integer responseStatus,
        DeliveryKind kind,
        @Nullable Duration lead,
        @Nullable Instant notBefore,
        @Nullable Instant digestAt,
        @Nullable String traceparent) {}
