package eu.herald.notifications.request;

public enum ChangeKind {
    PUBLISHED,
    RESCHEDULED,
    RELOCATED,
    UPDATED,
    CANCELLED
}
