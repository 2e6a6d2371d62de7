package eu.herald.notifications.timing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/** Wall-clock times in a recipient's zone as instants, right across daylight saving changes. */
final class LocalInstants {

    private LocalInstants() {}

    /**
     * The instant of a wall-clock time: in a spring gap (a time the clocks skip), the end of the gap, the moment the
     * wall clock is past it; in an autumn overlap (a time the clocks show twice), the earlier of the two.
     */
    static Instant of(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        // atZone takes the earlier offset of an overlap
        return local.atZone(zone).toInstant();
    }
}
