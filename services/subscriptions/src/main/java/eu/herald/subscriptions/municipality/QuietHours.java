package eu.herald.subscriptions.municipality;

import java.time.LocalTime;

/**
 * A daily window, in the municipality's time zone, during which notifications wait. {@code from}
 * after {@code to} spans midnight (22:00 to 07:00).
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }
}
