package eu.herald.notifications.delivery.messaging;

/** Topic names are part of the contracts (contracts/), not derived from anything in the code. */
final class Topics {

    static final String REQUESTS = "subscriptions.notification-requests.v1";
    static final String REQUESTS_DEAD_LETTERS = REQUESTS + "-dlt";
    static final String OUTCOMES = "notifications.delivery-outcomes.v1";
    /**
     * Deliveries given up after the retry schedule. Not the dead letters of a topic this service consumes: the
     * name says they are dead deliveries of notifications ({@code <owner>.<what>.v<major>-dlt}), so tooling that
     * watches every {@code *-dlt} sees them too.
     */
    static final String DELIVERIES_DEAD_LETTERS = "notifications.deliveries.v1-dlt";

    static final String DISPATCH_GROUP = "notifications-dispatch";

    private Topics() {}
}
