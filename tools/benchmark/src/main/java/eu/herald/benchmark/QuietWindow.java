package eu.herald.benchmark;

import static java.time.temporal.ChronoUnit.MINUTES;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The quiet hours of the held scenario: a window that opened a few minutes ago and ends at the first minute boundary
 * a margin from now, so that the whole fan-out is recorded, held, before it ends. Quiet hours are {@code HH:mm} in
 * each municipality's zone; a minute boundary is one in every zone, so every municipality's window ends at the same
 * instant.
 */
record QuietWindow(Instant opens, Instant ends) {

    /** Long enough before the change that the matcher's and notifications' clocks are well inside the window. */
    private static final Duration OPENED_BEFORE = Duration.ofMinutes(5);

    static QuietWindow endingAfter(Instant now, Duration margin) {
        Instant due = now.plus(margin);
        Instant minute = due.truncatedTo(MINUTES);
        return new QuietWindow(
                now.truncatedTo(MINUTES).minus(OPENED_BEFORE), minute.equals(due) ? due : minute.plus(1, MINUTES));
    }

    /** {@code from} of the quiet hours in the zone. */
    LocalTime from(ZoneId zone) {
        return LocalTime.ofInstant(opens, zone);
    }

    /** {@code to} of the quiet hours in the zone. */
    LocalTime to(ZoneId zone) {
        return LocalTime.ofInstant(ends, zone);
    }
}
