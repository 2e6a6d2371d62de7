package eu.herald.subscriptions.endpoint;

/** How an endpoint is reached. Only EMAIL can be registered so far. */
public enum Channel {
    EMAIL,
    WEB_PUSH,
    WEBHOOK
}
