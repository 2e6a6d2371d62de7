package eu.herald.catalogue.session;

import static eu.herald.catalogue.SessionJson.JOIN_LINK;
import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.CatalogueIntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Bad input is refused with a problem naming each field, and leaves no session and no message behind. */
class SessionValidationIntegrationTests extends CatalogueIntegrationTest {

    static Stream<Arguments> badSessions() {
        String valid = networking();
        return Stream.of(
                Arguments.of("end before start", networking("2022-10-11T18:00", "2022-10-11T16:30", "Zoom", ""), "end"),
                Arguments.of("unknown time zone", valid.replace("Europe/Warsaw", "Europe/Atlantis"), "zone"),
                Arguments.of(
                        "join link that is not http",
                        valid.replaceFirst(JOIN_LINK, "ftp://files.example.org/networking"),
                        "joinLink"),
                Arguments.of(
                        "registration link that is not http",
                        valid.replace(
                                "\"registrationLink\": \"" + JOIN_LINK, "\"registrationLink\": \"javascript:alert(1)"),
                        "registrationLink"),
                Arguments.of("title missing", valid.replaceFirst("(?s)\"title\": \\{.*?},", ""), "title"),
                Arguments.of(
                        "title missing in the default language",
                        valid.replace("\"defaultLanguage\": \"en\"", "\"defaultLanguage\": \"pt\""),
                        "title"),
                Arguments.of("unknown theme", valid.replace("territorial-cohesion", "space-exploration"), "themes"),
                Arguments.of(
                        "unknown event",
                        valid.replace("3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40", "00000000-0000-4000-8000-000000000000"),
                        "eventId"),
                Arguments.of(
                        "event id that is not a UUID",
                        valid.replace("3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40", "euregionsweek-2022"),
                        "eventId"),
                Arguments.of(
                        "title in Polish that is not a text",
                        valid.replace("\"pl\": \"Sieciowanie", "\"pl\": [\"Sieciowanie")
                                .replace("innowacji\"", "innowacji\"]"),
                        "title.pl"),
                Arguments.of(
                        "theme that is not a slug",
                        valid.replace("[\"territorial-cohesion\"]", "[{\"slug\": \"territorial-cohesion\"}]"),
                        "themes[0]"),
                Arguments.of("start missing", valid.replace("\"start\": \"2022-10-11T16:30\",", ""), "start"),
                Arguments.of("start not a date-time", valid.replace("2022-10-11T16:30", "next Tuesday"), "start"),
                Arguments.of("unknown format", valid.replace("\"ONLINE\"", "\"TELEPATHIC\""), "format"),
                Arguments.of(
                        "unknown language tag",
                        valid.replace("\"languages\": [\"en\"]", "\"languages\": [\"xx\"]"),
                        "languages"),
                Arguments.of(
                        "title keyed by an unknown language",
                        valid.replace("\"pl\": \"Sieciowanie", "\"klingon\": \"Sieciowanie"),
                        "title"),
                Arguments.of("over-long title", valid.replace("Networking of cities", "N".repeat(301)), "title"),
                Arguments.of(
                        "over-long description",
                        valid.replace(
                                "\"zone\"", "\"description\": {\"en\": \"" + "d".repeat(10_001) + "\"}, \"zone\""),
                        "description"),
                Arguments.of(
                        "over-long venue",
                        valid.replace("\"zone\"", "\"venue\": \"" + "v".repeat(301) + "\", \"zone\""),
                        "venue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSessions")
    void refusesToPublishABadSessionNamingTheField(String problem, String body, String field) {
        int sessions = count("select count(*) from session");
        int messages = count("select count(*) from outbox");

        MvcTestResult result = mvc.post()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();

        assertThat(result)
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly(field);
        assertThat(count("select count(*) from session")).isEqualTo(sessions);
        assertThat(count("select count(*) from outbox")).isEqualTo(messages);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSessions")
    void refusesABadRevisionKeepingTheSessionAsItWas(String problem, String body, String field) {
        int messages = count("select count(*) from outbox");

        assertThat(put(SEEDED_SESSION, "\"1\"", body))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly(field);
        assertThat(count("select version from session where id = ?::uuid", SEEDED_SESSION))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox")).isEqualTo(messages);
    }

    @Test
    void refusesABodyThatIsNotJsonNamingNoField() {
        String truncated = networking().substring(0, networking().indexOf("\"zone\""));

        assertThat(mvc.post()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(truncated))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"title": "Bad Request", "status": 400, "detail": "The request body is not readable JSON.",
                         "errors": []}
                        """);
    }

    @Test
    void namesEveryOffendingFieldAtOnce() {
        String body = networking("2022-10-11T18:00", "2022-10-11T16:30", "Zoom", "")
                .replace("territorial-cohesion", "space-exploration")
                .replace("\"defaultLanguage\": \"en\"", "\"defaultLanguage\": \"pt\"");

        assertThat(mvc.post()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("title", "end", "themes");
    }
}
