package eu.herald.subscriptions.subscription;

/** Only ACTIVE subscriptions are matched; PAUSED ones are kept for later. */
public enum SubscriptionStatus {
    ACTIVE,
    PAUSED
}
