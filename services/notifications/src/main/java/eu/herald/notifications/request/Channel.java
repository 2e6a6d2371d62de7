package eu.herald.notifications.request;

public enum Channel {
    EMAIL,
    WEB_PUSH,
    WEBHOOK
}
