package eu.herald.notifications.delivery.messaging;

import eu.herald.notifications.delivery.DeliveryAttempted;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The JSON of {@code notifications.delivery-outcomes.v1} (contracts/notifications.delivery-outcomes.v1). */
record OutcomeMessage(
        String outcomeId,
        String deliveryId,
        String requestId,
        String changeId,
        String sessionId,
        int sessionVersion,
        String municipalityId,
        String endpointId,
        String channel,
        String status,
        @Nullable String reason,
        boolean endpointGone,
        int attempts,
        String changedAt,
        @Nullable String firstAttemptAt,
        @Nullable String sentAt,
        String occurredAt,
        @Nullable String nextAttemptAt,
        @Nullable Integer responseStatus,
        String kind,
        @Nullable String lead,
        @Nullable String notBefore,
        @Nullable String digestAt) {

    static OutcomeMessage of(DeliveryAttempted attempted) {
        return new OutcomeMessage(
                attempted.id().toString(),
                attempted.deliveryId().toString(),
                attempted.requestId().toString(),
                attempted.changeId().toString(),
                attempted.sessionId().toString(),
                attempted.sessionVersion(),
                attempted.municipalityId().toString(),
                attempted.endpointId().toString(),
                attempted.channel().name(),
                attempted.status().name(),
                attempted.reason(),
                attempted.endpointGone(),
                attempted.attempts(),
                attempted.changedAt().toString(),
                text(attempted.firstAttemptAt()),
                text(attempted.sentAt()),
                attempted.occurredAt().toString(),
                text(attempted.nextAttemptAt()),
                attempted.responseStatus(),
                attempted.kind().name(),
                attempted.lead() == null ? null : attempted.lead().toString(),
                text(attempted.notBefore()),
                text(attempted.digestAt()));
    }

    /** CloudEvents type, e.g. {@code eu.herald.delivery.sent.v1}. */
    String type() {
        return "eu.herald.delivery." + status.toLowerCase(Locale.ROOT) + ".v1";
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
