package eu.herald.notifications.timing;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.SessionChange;
import eu.herald.notifications.request.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coalescing windows, one per session: the first change of a session goes out at once and opens a window (its event's,
 * else the default); a later change inside it is held to the window's end, where only the latest goes out, with what
 * changed since the one before. Kept in PostgreSQL, so every instance and every batch of a fan-out agrees on it, and a
 * restart loses nothing. One statement per change in a batch (two when a window is open).
 */
@Repository
public class Coalescing {

    private static final String OPEN = """
            insert into coalescing_window (session_id, change_id, opened_at, ends_at)
            values (:session, :change, :now, cast(:now as timestamptz) + make_interval(secs =>
                    coalesce((select window_seconds from event_coalescing where event_id = :event), :default)))
            on conflict (session_id) do update
               set change_id = excluded.change_id, opened_at = excluded.opened_at, ends_at = excluded.ends_at
             where coalescing_window.ends_at <= excluded.opened_at or coalescing_window.opened_at > excluded.opened_at
            returning change_id
            """;

    private final JdbcClient jdbc;
    private final CoalescingProperties properties;

    Coalescing(JdbcClient jdbc, CoalescingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * The ends of the open windows the batch's changes fall in, by session; a change that opens a window, or falls in
     * the one it opened itself (another batch of its fan-out), or is a cancellation, has none.
     */
    public Map<SessionId, Instant> windowsFor(List<NotificationRequest> requests, Instant now) {
        Map<UUID, SessionChange> changes = new LinkedHashMap<>();
        for (NotificationRequest request : requests) {
            if (request.change().kind() != ChangeKind.CANCELLED) {
                changes.putIfAbsent(request.change().id().value(), request.change());
            }
        }
        Map<SessionId, Instant> open = new HashMap<>();
        for (SessionChange change : changes.values()) {
            windowEnd(change, now).ifPresent(end -> open.put(change.session().id(), end));
        }
        return open;
    }

    private Optional<Instant> windowEnd(SessionChange change, Instant now) {
        boolean opened = !jdbc.sql(OPEN)
                .param("session", change.session().id().value())
                .param("change", change.id().value())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("event", change.session().eventId())
                .param("default", properties.window().toSeconds())
                .query(UUID.class)
                .list()
                .isEmpty();
        if (opened) {
            return Optional.empty();
        }
        return jdbc.sql("select change_id, ends_at from coalescing_window where session_id = :session")
                .param("session", change.session().id().value())
                .query((rs, row) -> new Window(
                        rs.getObject("change_id", UUID.class),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant()))
                .optional()
                .filter(window -> !window.openedBy().equals(change.id().value()))
                .map(Window::endsAt);
    }

    /** The window of an event: its own, or the default when an operator set none. */
    public EventWindow windowOf(UUID event) {
        return jdbc.sql("select window_seconds from event_coalescing where event_id = :event")
                .param("event", event)
                .query(Integer.class)
                .optional()
                .map(seconds -> new EventWindow(event, Duration.ofSeconds(seconds), false))
                .orElseGet(() -> new EventWindow(event, properties.window(), true));
    }

    /** Sets an event's window; zero turns coalescing off for its sessions. */
    public EventWindow setWindow(UUID event, Duration window, Instant now) {
        jdbc.sql("""
                        insert into event_coalescing (event_id, window_seconds, updated_at) values (:event, :seconds, :now)
                        on conflict (event_id) do update set window_seconds = excluded.window_seconds,
                                                             updated_at = excluded.updated_at
                        """)
                .param("event", event)
                .param("seconds", (int) window.toSeconds())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return new EventWindow(event, window, false);
    }

    /** @param isDefault true when the operator set none for the event */
    public record EventWindow(UUID eventId, Duration window, boolean isDefault) {}

    private record Window(UUID openedBy, Instant endsAt) {}
}
