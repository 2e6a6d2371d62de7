package eu.herald.notifications.delivery;

/** What a delivery tells: a change of its session, or that the session starts soon. */
public enum DeliveryKind {
    CHANGE,
    REMINDER
}
