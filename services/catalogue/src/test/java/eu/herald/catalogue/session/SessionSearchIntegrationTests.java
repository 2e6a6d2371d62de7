package eu.herald.catalogue.session;

import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.CatalogueIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Listing sessions by event, theme, status and date range, in stable pages. */
class SessionSearchIntegrationTests extends CatalogueIntegrationTest {

    @Test
    void findsSessionsByThemeStatusAndDateRangeOrderedByStart() {
        String theme = "youth-empowerment";
        String later = published(on("2031-05-07T10:00", "2031-05-07T11:00", theme));
        String earlier = published(on("2031-05-06T10:00", "2031-05-06T11:00", theme));
        String draft = idOf(post(on("2031-05-06T09:00", "2031-05-06T10:00", theme)));
        String outOfRange = published(on("2031-06-01T10:00", "2031-06-01T11:00", theme));

        assertThat(ids(search("theme=" + theme + "&status=PUBLISHED&from=2031-05-01&to=2031-05-31")))
                .containsExactly(earlier, later);
        assertThat(ids(search("theme=" + theme + "&status=DRAFT&from=2031-05-01&to=2031-05-31")))
                .containsExactly(draft);
        assertThat(ids(search("theme=" + theme + "&from=2031-05-06&to=2031-06-01")))
                .containsExactly(draft, earlier, later, outOfRange);
    }

    @Test
    void pagesThroughAnEventsSessionsWithoutOverlap() {
        String event = SEEDED_EVENT;
        List<String> all = ids(search("event=" + event + "&size=100"));
        assertThat(all).contains(SEEDED_SESSION).doesNotHaveDuplicates();

        var paged = new java.util.ArrayList<String>();
        for (int page = 0; page * 2 < all.size(); page++) {
            paged.addAll(ids(search("event=" + event + "&size=2&page=" + page)));
        }
        assertThat(paged).isEqualTo(all);
        assertThat(search("event=" + event + "&size=2"))
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .isEqualTo(all.size());
    }

    @Test
    void findsNothingForAnEventWithoutSessions() {
        assertThat(ids(search("event=" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void refusesAnUnknownStatus() {
        assertThat(search("status=POSTPONED")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String on(String start, String end, String theme) {
        return networking(start, end, "Zoom", "").replace("territorial-cohesion", theme);
    }

    private MvcTestResult search(String query) {
        return mvc.get().uri("/api/sessions?" + query).exchange();
    }

    private List<String> ids(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        JsonNode page = json.readTree(result.getResponse().getContentAsByteArray());
        return page.get("content")
                .valueStream()
                .map(session -> session.get("id").asString())
                .toList();
    }
}
