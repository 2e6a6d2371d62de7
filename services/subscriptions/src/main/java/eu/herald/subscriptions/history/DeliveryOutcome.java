package eu.herald.subscriptions.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one delivery attempt, read from {@code notifications.delivery-outcomes.v1}.
 *
 * @param endpointGone the receiver said the endpoint no longer exists (push 404/410, webhook 410, hard bounce)
 * @param status SENT, RETRYING, FAILED, DEAD, SCHEDULED (held, not attempted yet) or SUPERSEDED (a held delivery a
 *     newer version of its session replaced)
 * @param attempts never fewer than an earlier outcome of the same delivery had; 0 before the first attempt
 * @param responseStatus the HTTP status code the receiver answered (webhooks, push); null for email or no answer
 * @param kind CHANGE or REMINDER; CHANGE when the outcome does not say
 * @param notBefore when a held delivery goes out (the end of quiet hours, a reminder's time)
 * @param digestAt the daily digest the delivery goes out in
 * @param lead for a REMINDER, how long before the session's start
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryOutcome(
        UUID outcomeId,
        UUID deliveryId,
        UUID changeId,
        UUID sessionId,
        @Nullable Integer sessionVersion,
        UUID municipalityId,
        UUID endpointId,
        String channel,
        String status,
        @Nullable String reason,
        boolean endpointGone,
        int attempts,
        Instant changedAt,
        @Nullable Instant sentAt,
        Instant occurredAt,
        @Nullable Integer responseStatus,
        @Nullable String kind,
        @Nullable Instant notBefore,
        @Nullable Instant digestAt,
        @Nullable Duration lead) {

    public DeliveryOutcome {
        Objects.requireNonNull(outcomeId, "outcomeId is required");
        Objects.requireNonNull(deliveryId, "deliveryId is required");
        Objects.requireNonNull(changeId, "changeId is required");
        Objects.requireNonNull(sessionId, "sessionId is required");
        Objects.requireNonNull(municipalityId, "municipalityId is required");
        Objects.requireNonNull(endpointId, "endpointId is required");
        Objects.requireNonNull(channel, "channel is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        kind = kind == null ? "CHANGE" : kind;
    }
}
