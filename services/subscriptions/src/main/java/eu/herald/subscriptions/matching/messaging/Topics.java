package eu.herald.subscriptions.matching.messaging;

/** Topic names are part of the contracts in {@code contracts/}, never derived from Java types. */
final class Topics {

    static final String SESSION_CHANGES = "catalogue.session-changes.v1";
    static final String SESSION_CHANGES_DEAD_LETTERS = SESSION_CHANGES + "-dlt";
    static final String NOTIFICATION_REQUESTS = "subscriptions.notification-requests.v1";

    private Topics() {}
}
