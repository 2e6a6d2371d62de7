package eu.herald.catalogue.audit;

/** What the operators change. */
public enum AuditedEntity {
    SESSION,
    EVENT,
    THEME
}
