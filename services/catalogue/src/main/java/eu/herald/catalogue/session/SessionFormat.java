package eu.herald.catalogue.session;

public enum SessionFormat {
    ONLINE,
    ONSITE,
    HYBRID
}
