package eu.herald.notifications.delivery;

public enum Channel {
    EMAIL,
    WEB_PUSH,
    WEBHOOK
}
