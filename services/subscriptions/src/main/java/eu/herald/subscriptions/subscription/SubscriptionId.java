package eu.herald.subscriptions.subscription;

import java.util.UUID;

public record SubscriptionId(UUID value) {

    public static SubscriptionId generate() {
        return new SubscriptionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
