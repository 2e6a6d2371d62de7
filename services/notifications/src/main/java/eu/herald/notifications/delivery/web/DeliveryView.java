package eu.herald.notifications.delivery.web;

import eu.herald.notifications.delivery.Delivery;
import eu.herald.notifications.delivery.DeliveryAttempted;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.Takeover;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery as the API shows it, with the outcome of each attempt when asked for one delivery. A held one is
 * SCHEDULED, its {@code reason} why (QUIET_HOURS, DAILY_DIGEST, COALESCING, REMINDER) and {@code notBefore} when it
 * goes out; {@code notBefore} stays once it went out. One overtaken by a newer version is SUPERSEDED. A reminder's
 * {@code kind} is REMINDER with its {@code lead} before the start; a delivery in a daily digest has {@code digestAt}.
 * One taken over from an instance that held it and recorded no attempt has {@code takenOver} (asked for one
 * delivery): its receiver may have got it twice, under the same id.
 */
record DeliveryView(
        UUID deliveryId,
        UUID requestId,
        UUID changeId,
        UUID sessionId,
        int sessionVersion,
        UUID municipalityId,
        UUID endpointId,
        String channel,
        @Nullable String address,
        String status,
        @Nullable String reason,
        int attempts,
        Instant changedAt,
        @Nullable Instant firstAttemptAt,
        @Nullable Instant sentAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant notBefore,
        String kind,
        @Nullable Duration lead,
        @Nullable Instant digestAt,
        @Nullable List<AttemptView> outcomes,
        @Nullable TakeoverView takenOver) {

    /** The last time of {@code times} the delivery was taken over: from which instance, when. */
    record TakeoverView(int times, String from, Instant at, String note) {

        static TakeoverView of(Takeover takeover) {
            return new TakeoverView(
                    takeover.count(),
                    takeover.from(),
                    takeover.at(),
                    "taken over from " + takeover.from() + " at " + takeover.at() + ": may have been sent twice");
        }
    }

    record AttemptView(
            UUID outcomeId,
            String status,
            @Nullable String reason,
            boolean endpointGone,
            int attempts,
            Instant occurredAt,
            @Nullable Integer responseStatus) {

        static AttemptView of(DeliveryAttempted attempted) {
            return new AttemptView(
                    attempted.id().value(),
                    attempted.status().name(),
                    attempted.reason(),
                    attempted.endpointGone(),
                    attempted.attempts(),
                    attempted.occurredAt(),
                    attempted.responseStatus());
        }
    }

    static DeliveryView of(Delivery delivery, @Nullable List<DeliveryAttempted> attempts) {
        return of(delivery, attempts, null);
    }

    static DeliveryView of(Delivery delivery, @Nullable List<DeliveryAttempted> attempts, @Nullable Takeover takeover) {
        return new DeliveryView(
                delivery.id().value(),
                delivery.requestId().value(),
                delivery.changeId().value(),
                delivery.sessionId().value(),
                delivery.sessionVersion(),
                delivery.municipalityId().value(),
                delivery.endpointId().value(),
                delivery.channel().name(),
                delivery.address(),
                delivery.status().name(),
                delivery.reason(),
                delivery.attempts(),
                delivery.changedAt(),
                delivery.firstAttemptAt(),
                delivery.sentAt(),
                delivery.createdAt(),
                delivery.updatedAt(),
                delivery.status() == DeliveryStatus.RETRYING ? delivery.nextAttemptAt() : null,
                delivery.notBefore(),
                delivery.kind().name(),
                delivery.lead(),
                delivery.digestAt(),
                attempts == null ? null : attempts.stream().map(AttemptView::of).toList(),
                takeover == null ? null : TakeoverView.of(takeover));
    }
}
