package eu.herald.notifications.delivery.messaging;

/** Topic names are part of the contracts (contracts/), not derived from anything in the code. */
final class Topics {

    static final String REQUESTS = "subscriptions.notification-requests.v1";
    static final String REQUESTS_DEAD_LETTERS = REQUESTS + "-dlt";
    static final String OUTCOMES = "notifications.delivery-outcomes.v1";
    static final String DISPATCH_GROUP = "notifications-dispatch";

    private Topics() {}
}
