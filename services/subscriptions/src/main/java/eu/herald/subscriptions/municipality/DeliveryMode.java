package eu.herald.subscriptions.municipality;

/** Whether notifications go out as changes happen or are gathered into a daily digest. */
public enum DeliveryMode {
    IMMEDIATE,
    DAILY_DIGEST
}
