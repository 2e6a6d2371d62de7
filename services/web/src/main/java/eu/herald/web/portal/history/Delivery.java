package eu.herald.web.portal.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery as the municipality's history shows it, with its latest status.
 *
 * @param status SENT, RETRYING, FAILED, DEAD, SCHEDULED (held) or SUPERSEDED
 * @param kind CHANGE or REMINDER
 * @param notBefore when a held delivery goes out
 * @param digestAt the daily digest it goes out in
 * @param updatedAt when its latest status was reported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Delivery(
        UUID deliveryId,
        UUID endpointId,
        UUID sessionId,
        @Nullable Integer sessionVersion,
        String channel,
        String status,
        @Nullable String reason,
        int attempts,
        Instant changedAt,
        @Nullable Instant sentAt,
        Instant updatedAt,
        @Nullable Integer responseStatus,
        String kind,
        @Nullable Instant notBefore,
        @Nullable Instant digestAt) {

    private static final Set<String> HOLDING = Set.of("QUIET_HOURS", "DAILY_DIGEST", "COALESCING", "REMINDER");

    /** Why a held delivery waits, when it is one of the reasons the page words itself; null otherwise. */
    public @Nullable String holding() {
        return reason != null && HOLDING.contains(reason) ? reason : null;
    }

    /** One page of the history, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Delivery> items, int page, int size, long total) {

        boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }
}
