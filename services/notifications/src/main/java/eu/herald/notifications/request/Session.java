package eu.herald.notifications.request;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The session as it is after the change; times are local to {@code zone}.
 *
 * @param languages the languages it is held in; null when the snapshot did not say (a request stored before it was
 *     read)
 * @param organisers who organises it; null when the snapshot did not say
 * @param eventId the event the session belongs to; null when the snapshot did not say
 * @param eventName the event's name by language; empty when the snapshot did not say
 */
public record Session(
        SessionId id,
        int version,
        @Nullable String status,
        @Nullable String defaultLanguage,
        Map<String, String> title,
        Map<String, String> description,
        LocalDateTime start,
        LocalDateTime end,
        ZoneId zone,
        @Nullable String format,
        @Nullable String venue,
        @Nullable String platform,
        @Nullable String joinLink,
        @Nullable String registrationLink,
        List<String> themes,
        @Nullable String cancellationReason,
        @Nullable List<String> languages,
        @Nullable List<String> organisers,
        @Nullable UUID eventId,
        Map<String, String> eventName) {

    public Session {
        eventName = eventName == null ? Map.of() : Map.copyOf(eventName);
        title = Map.copyOf(title);
        description = Map.copyOf(description);
        themes = List.copyOf(themes);
        languages = languages == null ? null : List.copyOf(languages);
        organisers = organisers == null ? null : List.copyOf(organisers);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a session needs a title in at least one language");
        }
    }

    /** The title in this language, else in the session's default language, else English, else any. */
    public String title(Locale language) {
        return Texts.in(title, language, defaultLanguage);
    }

    /** The event's name in this language (with the same fallbacks as the title), or null when it is not known. */
    public @Nullable String eventName(Locale language) {
        return eventName.isEmpty() ? null : Texts.in(eventName, language, defaultLanguage);
    }

    /** When the session starts, as an instant. */
    public Instant startsAt() {
        return start.atZone(zone).toInstant();
    }

    /** The description in this language (with the same fallbacks as the title), or null when there is none. */
    public @Nullable String description(Locale language) {
        return description.isEmpty() ? null : Texts.in(description, language, defaultLanguage);
    }
}
