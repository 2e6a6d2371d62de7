package eu.herald.subscriptions.municipality;

import org.jspecify.annotations.Nullable;

/** How a municipality wants to be notified. */
public record Preferences(
        DeliveryMode deliveryMode, @Nullable QuietHours quietHours) {

    public static Preferences defaults() {
        return new Preferences(DeliveryMode.IMMEDIATE, null);
    }
}
