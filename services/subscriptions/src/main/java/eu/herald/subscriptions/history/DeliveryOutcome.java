package eu.herald.subscriptions.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one delivery attempt, read from {@code notifications.delivery-outcomes.v1}.
 *
 * @param endpointGone the receiver said the endpoint no longer exists (push 404/410, webhook 410, hard bounce)
 * @param responseStatus the HTTP status code the receiver answered (webhooks, push); null for email or no answer
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
        @Nullable Integer responseStatus) {

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
    }
}
