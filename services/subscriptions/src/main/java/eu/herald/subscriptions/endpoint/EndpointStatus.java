package eu.herald.subscriptions.endpoint;

/**
 * Only ACTIVE endpoints receive notifications. PENDING_VERIFICATION waits for the double opt-in;
 * DISABLED is set after an unsubscribe or a permanent delivery failure (the reason says which).
 */
public enum EndpointStatus {
    PENDING_VERIFICATION,
    ACTIVE,
    DISABLED
}
