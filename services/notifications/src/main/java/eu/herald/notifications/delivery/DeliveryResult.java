package eu.herald.notifications.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a notifier reports after one attempt. */
public sealed interface DeliveryResult {

    /** The receiver accepted it. */
    record Delivered(Instant at) implements DeliveryResult {}

    /**
     * The receiver will never accept it (SMTP 5xx, an invalid address); {@code endpointGone} when the receiver
     * said the endpoint does not exist.
     */
    record Rejected(String reason, boolean endpointGone) implements DeliveryResult {}

    /**
     * It may work later (connection refused, SMTP 4xx, a timeout, HTTP 429/503); {@code retryAfter} when the
     * receiver said when to come back (HTTP {@code Retry-After}): the next attempt is not made before it.
     */
    record Deferred(String reason, @Nullable Instant retryAfter) implements DeliveryResult {

        public Deferred(String reason) {
            this(reason, null);
        }
    }
}
