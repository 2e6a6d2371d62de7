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
    DEAD
}
