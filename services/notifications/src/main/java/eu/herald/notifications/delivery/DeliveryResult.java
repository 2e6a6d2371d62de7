package eu.herald.notifications.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a notifier reports after one attempt; {@code responseStatus} is the HTTP status code the receiver answered
 * (webhooks, push services), null when there was no HTTP answer (email, a refused address, a timeout).
 */
public sealed interface DeliveryResult {

    @Nullable
    Integer responseStatus();

    /** The receiver accepted it. */
    record Delivered(Instant at, @Nullable Integer responseStatus) implements DeliveryResult {

        public Delivered(Instant at) {
            this(at, null);
        }
    }

    /**
     * The receiver will never accept it (SMTP 5xx, an invalid address); {@code endpointGone} when the receiver
     * said the endpoint does not exist.
     */
    record Rejected(
            String reason, boolean endpointGone, @Nullable Integer responseStatus) implements DeliveryResult {

        public Rejected(String reason, boolean endpointGone) {
            this(reason, endpointGone, null);
        }
    }

    /**
     * It may work later (connection refused, SMTP 4xx, a timeout, HTTP 429/503); {@code retryAfter} when the
     * receiver said when to come back (HTTP {@code Retry-After}): the next attempt is not made before it.
     */
    record Deferred(
            String reason,
            @Nullable Instant retryAfter,
            @Nullable Integer responseStatus) implements DeliveryResult {

        public Deferred(String reason, @Nullable Instant retryAfter) {
            this(reason, retryAfter, null);
        }

        public Deferred(String reason) {
            this(reason, null, null);
        }
    }
}
