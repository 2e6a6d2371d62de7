package eu.herald.subscriptions.municipality;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * How a municipality wants to be notified.
 *
 * @param digestTime when the daily digest goes out, local to the municipality's time zone
 */
public record Preferences(
        DeliveryMode deliveryMode, @Nullable QuietHours quietHours, LocalTime digestTime) {

    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(8, 0);

    public static Preferences defaults() {
        return new Preferences(DeliveryMode.IMMEDIATE, null, DEFAULT_DIGEST_TIME);
    }
}
