package eu.herald.catalogue.session;

import static eu.herald.catalogue.session.SessionDetailsFixtures.LINK;
import static eu.herald.catalogue.session.SessionDetailsFixtures.from;
import static eu.herald.catalogue.session.SessionDetailsFixtures.networking;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.problems.Violation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionDetailsTests {

    @Test
    void acceptsTheNetworkingSession() {
        assertThat(networking().violations()).isEmpty();
    }

    @Test
    void derivesInstantsFromLocalTimesInTheZone() {
        assertThat(networking().startsAt()).isEqualTo(Instant.parse("2022-10-11T14:30:00Z"));
        assertThat(networking().endsAt()).isEqualTo(Instant.parse("2022-10-11T16:00:00Z"));
    }

    @Test
    void rejectsSessionEndingBeforeItStarts() {
        assertThat(fields(from(networking())
                        .time("2022-10-11T18:00", "2022-10-11T16:30")
                        .build()))
                .containsExactly("end");
    }

    @Test
    void rejectsSessionEndingWhenItStarts() {
        assertThat(fields(from(networking())
                        .time("2022-10-11T16:30", "2022-10-11T16:30")
                        .build()))
                .containsExactly("end");
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        assertThat(fields(from(networking()).zone("Europe/Atlantis").build())).containsExactly("zone");
    }

    @Test
    void rejectsAnOffsetInsteadOfAnIanaZone() {
        assertThat(fields(from(networking()).zone("+02:00").build())).containsExactly("zone");
    }

    @Test
    void rejectsLinksThatAreNotHttp() {
        assertThat(fields(from(networking())
                        .links("ftp://example.org/join", "javascript:alert(1)")
                        .build()))
                .containsExactly("joinLink", "registrationLink");
    }

    @Test
    void acceptsMissingLinks() {
        assertThat(fields(from(networking()).links("", " ").build())).isEmpty();
    }

    @Test
    void rejectsATitleMissingInTheDefaultLanguage() {
        assertThat(fields(from(networking())
                        .title(Map.of("pl", "Sieciowanie miast"))
                        .build()))
                .containsExactly("title");
    }

    @Test
    void rejectsABlankTitle() {
        assertThat(fields(from(networking()).title(Map.of("en", "  ")).build())).containsExactly("title");
    }

    @Test
    void rejectsTextsKeyedByWhatIsNotALanguageTag() {
        assertThat(fields(from(networking())
                        .title(Map.of("en", "Networking", "Polish", "Sieciowanie"))
                        .description(Map.of("EN", "About"))
                        .build()))
                .containsExactly("title", "description");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        SessionDetails details = from(networking())
                .title(Map.of())
                .zone("Mars/Olympus")
                .links(LINK, "mailto:someone@example.org")
                .build();

        assertThat(fields(details)).containsExactly("title", "zone", "registrationLink");
    }

    private static java.util.List<String> fields(SessionDetails details) {
        return details.violations().stream().map(Violation::field).toList();
    }
}
