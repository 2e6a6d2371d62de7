package eu.herald.notifications.rendering;

import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * When a session was before a change: its previous start and end, local to its previous zone, each the current one
 * where the change left it alone. Every channel reads them here, so that all tell the same old time, also when the
 * time and the zone changed together.
 */
public record PreviousTimes(LocalDateTime start, LocalDateTime end, ZoneId zone) {

    /** Null when neither the start nor the end changed. */
    public static @Nullable PreviousTimes of(SessionChange change) {
        Session session = change.session();
        Object start = change.previous().get("start");
        Object end = change.previous().get("end");
        if (!(start instanceof String) && !(end instanceof String)) {
            return null;
        }
        return new PreviousTimes(
                start instanceof String text ? LocalDateTime.parse(text) : session.start(),
                end instanceof String text ? LocalDateTime.parse(text) : session.end(),
                zone(change));
    }

    /** The zone the session's times were local to before the change: the current one unless the change moved it. */
    public static ZoneId zone(SessionChange change) {
        Object previous = change.previous().get("zone");
        if (previous instanceof String id) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                return change.session().zone();
            }
        }
        return change.session().zone();
    }
}
