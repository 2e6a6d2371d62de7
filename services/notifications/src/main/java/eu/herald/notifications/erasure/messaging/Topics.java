package eu.herald.notifications.erasure.messaging;

/** Topic names are part of the contracts (contracts/), not derived from anything in the code. */
final class Topics {

    /** GDPR erasures from subscriptions: a municipality or one endpoint whose personal data must go. */
    static final String ERASURES = "subscriptions.erasures.v1";

    static final String ERASURES_DEAD_LETTERS = ERASURES + "-dlt";
    static final String ERASURE_GROUP = "notifications-erasure";

    private Topics() {}
}
