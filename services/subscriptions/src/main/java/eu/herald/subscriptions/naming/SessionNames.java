package eu.herald.subscriptions.naming;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read model of the session titles and event names carried by the session changes the matcher consumes. A change
 * of an older version than the one known changes nothing, so a replayed or redelivered change never brings back an
 * old title; an event's name is the one of the latest change of any of its sessions.
 */
@Repository
public class SessionNames {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SessionNames(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Remembers the session's title and its event's name at that version. */
    public void remember(
            UUID sessionId,
            @Nullable UUID eventId,
            int version,
            Map<String, String> title,
            Map<String, String> eventName,
            Instant occurredAt) {
        jdbc.sql("""
                        insert into session_name (session_id, event_id, version, title, event_name, occurred_at)
                        values (:session, :event, :version, cast(:title as jsonb), cast(:eventName as jsonb), :at)
                        on conflict (session_id) do update
                           set event_id = excluded.event_id, version = excluded.version, title = excluded.title,
                               event_name = excluded.event_name, occurred_at = excluded.occurred_at
                         where session_name.version <= excluded.version
                        """)
                .param("session", sessionId)
                .param("event", eventId)
                .param("version", version)
                .param("title", json.writeValueAsString(title))
                .param("eventName", json.writeValueAsString(eventName))
                .param("at", Timestamp.from(occurredAt))
                .update();
    }

    /** The session's title in the language (see {@link Texts#in}); empty when the session is not known. */
    public Optional<String> sessionTitle(UUID sessionId, Locale locale) {
        return jdbc.sql("select title::text from session_name where session_id = :session")
                .param("session", sessionId)
                .query(String.class)
                .optional()
                .flatMap(texts -> Texts.in(json.readValue(texts, TEXTS), locale));
    }

    /** The event's name in the language, from the latest change of its sessions that named it. */
    public Optional<String> eventName(UUID eventId, Locale locale) {
        return jdbc.sql("""
                        select event_name::text from session_name
                         where event_id = :event and event_name <> '{}'::jsonb
                         order by occurred_at desc limit 1
                        """)
                .param("event", eventId)
                .query(String.class)
                .optional()
                .flatMap(texts -> Texts.in(json.readValue(texts, TEXTS), locale));
    }
}
