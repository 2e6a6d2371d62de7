package eu.herald.catalogue.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.calendar.CalendarEntry;
import eu.herald.calendar.CalendarEntry.Organizer;
import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionDetails;
import eu.herald.catalogue.session.SessionFormat;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.session.SessionStatus;
import eu.herald.catalogue.shared.Texts;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SessionEntriesTests {

    private static final Organizer HERALD = new Organizer("Herald", "noreply@herald.local");
    private static final String JOIN =
            "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4";

    @Test
    void describesASessionInTheFirstOfTheReadersLanguagesItHas() {
        Session session = session(SessionStatus.PUBLISHED, null);

        CalendarEntry entry = SessionEntries.entry(session, List.of("fr", "pt"), slug -> "label " + slug, HERALD);

        assertThat(entry.uid()).isEqualTo(session.id() + "@herald");
        assertThat(entry.version()).isEqualTo(2);
        assertThat(entry.status()).isEqualTo(CalendarEntry.Status.CONFIRMED);
        assertThat(entry.title()).isEqualTo("Trabalho em rede");
        assertThat(entry.titleLanguage()).isEqualTo("pt");
        assertThat(entry.zone()).hasToString("Europe/Lisbon");
        assertThat(entry.location()).isEqualTo("Centro de Congressos | Zoom | " + JOIN);
        assertThat(entry.url()).isEqualTo(JOIN);
        assertThat(entry.categories()).containsExactly("label territorial-cohesion");
        assertThat(entry.modified()).isEqualTo(session.updatedAt());
        assertThat(entry.created()).isEqualTo(session.createdAt());
    }

    @Test
    void putsTheReasonOfACancellationAheadOfTheDescription() {
        Session session = session(SessionStatus.CANCELLED, "Speaker ill");

        CalendarEntry entry = SessionEntries.entry(session, List.of(), slug -> slug, HERALD);

        assertThat(entry.status()).isEqualTo(CalendarEntry.Status.CANCELLED);
        assertThat(entry.titleLanguage()).isEqualTo("en");
        assertThat(entry.description()).isEqualTo("CANCELLED: Speaker ill\n\nHow cities share what they know");
    }

    @Test
    void readsLanguagesFromTheParameterOrElseAcceptLanguage() {
        assertThat(CalendarController.languages("pt", "pl")).containsExactly("pt");
        assertThat(CalendarController.languages(null, "pl-PL,pl;q=0.9,en;q=0.5"))
                .containsExactly("pl-PL", "pl", "en");
        assertThat(CalendarController.languages(null, null)).isEmpty();
    }

    @Test
    void labelsAThemeInTheFirstLanguageThatHasALabelElseInEnglishElseBySlug() {
        Map<String, Map<String, String>> labels =
                Map.of("territorial-cohesion", Map.of("en", "Territorial cohesion", "pl", "Spójność terytorialna"));

        assertThat(SessionEntries.labels(labels, List.of("pt", "pl")).apply("territorial-cohesion"))
                .isEqualTo("Spójność terytorialna");
        assertThat(SessionEntries.labels(labels, List.of("pt")).apply("territorial-cohesion"))
                .isEqualTo("Territorial cohesion");
        assertThat(SessionEntries.labels(labels, List.of("pt")).apply("green-transition"))
                .isEqualTo("green-transition");
    }

    private static Session session(SessionStatus status, @Nullable String reason) {
        var details = new SessionDetails(
                null,
                "en",
                Texts.of(Map.of("en", "Networking", "pt", "Trabalho em rede")),
                Texts.of(Map.of("en", "How cities share what they know")),
                LocalDateTime.parse("2022-10-11T16:30"),
                LocalDateTime.parse("2022-10-11T18:00"),
                "Europe/Lisbon",
                SessionFormat.HYBRID,
                "Centro de Congressos",
                "Zoom",
                JOIN,
                null,
                List.of("pt"),
                List.of(),
                List.of("territorial-cohesion"));
        return new Session(
                SessionId.random(),
                2,
                status,
                details,
                reason,
                Instant.parse("2022-09-01T08:00:00Z"),
                Instant.parse("2022-09-20T08:00:00Z"));
    }
}
