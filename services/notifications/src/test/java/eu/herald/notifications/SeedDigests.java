package eu.herald.notifications;

import static eu.herald.notifications.SeedRequests.LINK;
import static eu.herald.notifications.SeedRequests.SESSION;
import static eu.herald.notifications.SeedRequests.TITLE_EN;
import static eu.herald.notifications.SeedRequests.TITLE_PL;
import static eu.herald.notifications.SeedRequests.WARSAW;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import eu.herald.notifications.request.SessionId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Daily digests of #EURegionsWeek 2022 sessions, as the service's own records. */
public final class SeedDigests {

    public static final UUID EVENT = UUID.fromString("0b7e3c1a-5d2f-4e8a-9c6b-1f2e3d4c5b6a");
    public static final String EVENT_EN = "European Week of Regions and Cities 2022";
    public static final String EVENT_PL = "Europejski Tydzień Regionów i Miast 2022";
    public static final String EVENT_PT = "Semana Europeia das Regiões e Cidades 2022";
    public static final SessionId OPENING = new SessionId(UUID.fromString("1c7d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"));
    public static final SessionId YOUTH = new SessionId(UUID.fromString("2d8e3f4a-5b6c-4d7e-9f8a-0b1c2d3e4f5a"));
    public static final SessionId WEBINAR = new SessionId(UUID.fromString("3e9f4a5b-6c7d-4e8f-a09b-1c2d3e4f5a6b"));
    public static final String VENUE = "SQUARE, Mont des Arts, Brussels";
    /** When the digest was due: 08:00 in Warsaw. */
    public static final Instant AT = Instant.parse("2022-10-06T06:00:00Z");

    private SeedDigests() {}

    /**
     * Four changes: of the event, the opening published (on site), the networking session rescheduled (16:30–18:00 →
     * 17:00–18:30 Warsaw time) and the youth session cancelled; and a webinar whose event is not known, updated.
     */
    public static Digest digest(Recipient recipient) {
        return new Digest(
                recipient,
                AT,
                List.of(
                        change(
                                ChangeKind.CANCELLED,
                                session(YOUTH, 3, "Youth for cohesion", "2022-10-12T09:00", EVENT, null, "Speaker ill"),
                                Map.of("status", "PUBLISHED"),
                                List.of("status")),
                        change(
                                ChangeKind.UPDATED,
                                session(WEBINAR, 2, "Green transition webinar", "2022-10-20T14:00", null, LINK, null),
                                Map.of("platform", "Teams"),
                                List.of("platform")),
                        change(
                                ChangeKind.RESCHEDULED,
                                networking(),
                                Map.of("start", "2022-10-11T16:30:00", "end", "2022-10-11T18:00:00"),
                                List.of("start", "end")),
                        change(
                                ChangeKind.PUBLISHED,
                                session(OPENING, 1, "Opening session", "2022-10-10T10:00", EVENT, null, null),
                                Map.of(),
                                List.of())));
    }

    /** A session of #EURegionsWeek (or of no known event) one hour long in Warsaw; on site when it has no join link. */
    public static Session session(
            SessionId id,
            int version,
            String title,
            String start,
            @Nullable UUID event,
            @Nullable String joinLink,
            @Nullable String cancellation) {
        LocalDateTime starts = LocalDateTime.parse(start);
        return session(id, version, Map.of("en", title), starts, starts.plusHours(1), event, joinLink, cancellation);
    }

    /** The seeded networking session at version 2, 17:00–18:30 Warsaw time, of #EURegionsWeek. */
    public static Session networking() {
        return session(
                SESSION,
                2,
                Map.of("en", TITLE_EN, "pl", TITLE_PL),
                LocalDateTime.parse("2022-10-11T17:00"),
                LocalDateTime.parse("2022-10-11T18:30"),
                EVENT,
                LINK,
                null);
    }

    /** A published change of the session. */
    public static SessionChange published(Session session) {
        return change(ChangeKind.PUBLISHED, session, Map.of(), List.of());
    }

    private static Session session(
            SessionId id,
            int version,
            Map<String, String> title,
            LocalDateTime start,
            LocalDateTime end,
            @Nullable UUID event,
            @Nullable String joinLink,
            @Nullable String cancellation) {
        return new Session(
                id,
                version,
                cancellation == null ? "PUBLISHED" : "CANCELLED",
                "en",
                title,
                Map.of(),
                start,
                end,
                WARSAW,
                joinLink == null ? "ONSITE" : "ONLINE",
                joinLink == null ? VENUE : null,
                joinLink == null ? null : "Zoom",
                joinLink,
                joinLink,
                List.of("territorial-cohesion"),
                cancellation,
                null,
                null,
                event,
                event == null ? Map.of() : Map.of("en", EVENT_EN, "pl", EVENT_PL, "pt", EVENT_PT));
    }

    public static SessionChange change(
            ChangeKind kind, Session session, Map<String, @Nullable Object> previous, List<String> changedFields) {
        return new SessionChange(
                SeedRequests.newChange(),
                kind,
                Instant.parse("2022-10-05T09:12:44.512Z"),
                session,
                previous,
                changedFields);
    }
}
