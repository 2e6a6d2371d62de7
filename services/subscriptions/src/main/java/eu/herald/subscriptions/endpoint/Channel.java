package eu.herald.subscriptions.endpoint;

/** How an endpoint is reached. */
public enum Channel {
    EMAIL,
    WEB_PUSH,
    WEBHOOK
}
