package eu.herald.catalogue.audit;

/** How it was changed. */
public enum AuditedChange {
    CREATED,
    REVISED,
    PUBLISHED,
    CANCELLED,
    DELETED
}
