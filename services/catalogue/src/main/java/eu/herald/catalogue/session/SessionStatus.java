package eu.herald.catalogue.session;

public enum SessionStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED
}
