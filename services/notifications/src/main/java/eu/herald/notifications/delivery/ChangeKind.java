package eu.herald.notifications.delivery;

public enum ChangeKind {
    PUBLISHED,
    RESCHEDULED,
    RELOCATED,
    UPDATED,
    CANCELLED
}
