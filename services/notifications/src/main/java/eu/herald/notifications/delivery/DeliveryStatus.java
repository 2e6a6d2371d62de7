package eu.herald.notifications.delivery;

public enum DeliveryStatus {
    /** Recorded, not attempted yet (or no notifier for its channel yet). */
    PENDING,
    SENT,
    /** A transient failure; the delivery waits for another attempt. */
    RETRYING,
    /** A permanent failure: the receiver will never accept it. */
    FAILED,
    /** Retries exhausted. */
    DEAD,
    /**
     * Held until its {@code notBefore} (the reason says why, e.g. QUIET_HOURS), then claimed and attempted by the
     * retry scheduler. A newer version of the session is a delivery of its own (another change), recorded and timed
     * without waiting for this one; recording it supersedes this one.
     */
    SCHEDULED,
    /** Held, then overtaken by a newer version of its session for the same endpoint: never sent. */
    SUPERSEDED
}
