package eu.herald.notifications.delivery;

import java.time.Instant;

/** What a notifier reports after one attempt. */
public sealed interface DeliveryResult {

    /** The receiver accepted it. */
    record Delivered(Instant at) implements DeliveryResult {}

    /**
     * The receiver will never accept it (SMTP 5xx, an invalid address); {@code endpointGone} when the receiver
     * said the endpoint does not exist.
     */
    record Rejected(String reason, boolean endpointGone) implements DeliveryResult {}

    /** It may work later (connection refused, SMTP 4xx, a timeout). */
    record Deferred(String reason) implements DeliveryResult {}
}
