package eu.herald.notifications.timing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A recipient's quiet hours: from {@code from} (inclusive) to {@code to} (exclusive), wall-clock times in the
 * recipient's zone; a window whose {@code from} is after its {@code to} crosses midnight (22:00–07:00). Subscriptions
 * refuses an empty window ({@code from == to}); one that arrives anyway is no window at all.
 */
record QuietWindow(LocalTime from, LocalTime to) {

    /** When the window around {@code now} ends, or empty when {@code now} is outside it. */
    Optional<Instant> endAround(Instant now, ZoneId zone) {
        if (from.equals(to)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean crossesMidnight = from.isAfter(to);
        boolean afterFrom = !time.isBefore(from);
        boolean beforeTo = time.isBefore(to);
        if (crossesMidnight ? !afterFrom && !beforeTo : !afterFrom || !beforeTo) {
            return Optional.empty();
        }
        LocalDate endDay = crossesMidnight && afterFrom ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        Instant end = LocalInstants.of(endDay.atTime(to), zone);
        // in the hour an autumn change repeats, the window ended at the first pass of its end
        return end.isAfter(now) ? Optional.of(end) : Optional.empty();
    }
}
