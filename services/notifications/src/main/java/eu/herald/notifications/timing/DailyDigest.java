package eu.herald.notifications.timing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** When a recipient's next daily digest goes out: the next time its digest time comes round in its zone. */
record DailyDigest(LocalTime time) {

    Instant nextAfter(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant todays = LocalInstants.of(today.atTime(time), zone);
        return todays.isAfter(now) ? todays : LocalInstants.of(today.plusDays(1).atTime(time), zone);
    }
}
