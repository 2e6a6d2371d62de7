package eu.herald.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A session as an entry in someone's calendar, whichever way it gets there (a feed, a mail). The writer turns the
 * session id into the UID and the version into the SEQUENCE, so every channel names and orders the entry alike.
 *
 * @param sessionId the session's id, stable for its whole life
 * @param version the session's version: a calendar client replaces an entry only with a higher one
 * @param modified when the session was last changed (DTSTAMP and LAST-MODIFIED)
 * @param created when the session was created, if the writer's caller knows it
 * @param start local to {@code zone}
 * @param end local to {@code zone}
 * @param titleLanguage the language the title is written in, if known
 * @param url a link that opens the session (join it, register for it)
 * @param categories already in the reader's language
 * @param organizer who publishes the entry or sends invitations to it: RFC 5546 requires one for both
 */
public record CalendarEntry(
        String sessionId,
        int version,
        Status status,
        Instant modified,
        @Nullable Instant created,
        LocalDateTime start,
        LocalDateTime end,
        ZoneId zone,
        String title,
        @Nullable String titleLanguage,
        @Nullable String description,
        @Nullable String location,
        @Nullable String url,
        List<String> categories,
        Organizer organizer) {

    public CalendarEntry {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(organizer, "organizer");
        categories = List.copyOf(categories);
    }

    public enum Status {
        CONFIRMED,
        CANCELLED
    }

    /** The ORGANIZER: a display name and a mail address. */
    public record Organizer(String name, String address) {}

    /**
     * The entry's UID. It is the form the mails have always used: their entries sit in people's own calendars and
     * only this UID lets a later change or cancellation find them (ADR 17).
     */
    public String uid() {
        return sessionId + "@herald";
    }
}
