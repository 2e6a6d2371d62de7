package eu.herald.catalogue.session;

import eu.herald.catalogue.event.EventId;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which sessions to list; every absent criterion matches all.
 *
 * @param from first local date a session may start on (in its own zone), inclusive
 * @param to last local date a session may start on, inclusive
 * @param statuses the statuses to include; empty for all
 */
public record SessionFilter(
        @Nullable EventId event,
        @Nullable String theme,
        Set<SessionStatus> statuses,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public SessionFilter {
        statuses = Set.copyOf(statuses);
    }

    /** What calendars show: every session that was published, including the cancelled ones. */
    public static SessionFilter announced(@Nullable EventId event, @Nullable String theme) {
        return new SessionFilter(event, theme, Set.of(SessionStatus.PUBLISHED, SessionStatus.CANCELLED), null, null);
    }
}
