package eu.herald.catalogue.event;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.CatalogueIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Creating, changing and deleting events. */
class EventIntegrationTests extends CatalogueIntegrationTest {

    private static final String EVENT = """
            {"slug": "euregionsweek-2031", "name": {"en": "29th European Week of Regions and Cities"},
             "edition": 29, "startsOn": "2031-10-06", "endsOn": "2031-10-09", "zone": "Europe/Brussels",
             "place": "Brussels", "hashtag": "#EURegionsWeek", "website": "https://euregionsweek.eu",
             "themes": ["green-transition"]}
            """;

    @Test
    void createsChangesAndDeletesAnEventUnderOptimisticConcurrency() {
        MvcTestResult created =
                send(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATOR).uri("/api/events"), EVENT);
        String id = idOf(created);
        assertThat(created).hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(send(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATOR).uri("/api/events"), EVENT))
                .hasStatus(409);
        assertThat(mvc.get().uri("/api/events"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].slug")
                .asArray()
                .containsSubsequence("euregionsweek-2022", "euregionsweek-2031");

        assertThat(send(
                        mvc.put()
                                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                                .uri("/api/events/{id}", id)
                                .header(HttpHeaders.IF_MATCH, "\"1\""),
                        EVENT.replace("\"Brussels\"", "\"Lisbon\"")))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"")
                .bodyJson()
                .extractingPath("$.place")
                .isEqualTo("Lisbon");
        assertThat(send(
                        mvc.put()
                                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                                .uri("/api/events/{id}", id)
                                .header(HttpHeaders.IF_MATCH, "\"1\""),
                        EVENT))
                .hasStatus(412);
        assertThat(send(mvc.put().header(HttpHeaders.AUTHORIZATION, OPERATOR).uri("/api/events/{id}", id), EVENT))
                .hasStatus(428)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .endsWith("the current one is If-Match: \"2\"");

        assertThat(mvc.delete()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/events/{id}", id)
                        .header(HttpHeaders.IF_MATCH, "\"2\""))
                .hasStatus(204);
        assertThat(mvc.get().uri("/api/events/{id}", id)).hasStatus(404);
    }

    @Test
    void refusesToDeleteAnEventThatHasSessions() {
        assertThat(mvc.delete()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/events/{id}", SEEDED_EVENT)
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .hasStatus(409);
    }

    @Test
    void refusesABadEventNamingEveryField() {
        String bad = EVENT.replace("\"2031-10-09\"", "\"2031-10-01\"")
                .replace("Europe/Brussels", "Europe/Atlantis")
                .replace("https://euregionsweek.eu", "ftp://euregionsweek.eu")
                .replace("green-transition", "space-exploration");

        assertThat(send(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATOR).uri("/api/events"), bad))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("endsOn", "zone", "website", "themes");
    }

    private static MvcTestResult send(
            org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
