package eu.herald.catalogue.session;

import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.CatalogueIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The preview of a change: what PATCH would do with the same patch and If-Match, with nothing stored, announced
 * or audited.
 */
class SessionPreviewIntegrationTests extends CatalogueIntegrationTest {

    private static final String MOVE = "{\"start\": \"2022-10-11T17:00\", \"end\": \"2022-10-11T18:30\"}";

    @Test
    void showsWhatAReschedulingWouldAnnounceAndChangesNothing() {
        String id = published(networking());
        List<Integer> before = traces(id);

        assertThat(preview(id, "\"1\"", MOVE)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"sessionId": "%s", "version": 1, "kind": "RESCHEDULED", "changedFields": ["start", "end"],
                 "previous": {"start": "2022-10-11T16:30:00", "end": "2022-10-11T18:00:00"},
                 "current": {"start": "2022-10-11T17:00:00", "end": "2022-10-11T18:30:00"},
                 "session": {"id": "%s", "version": 1, "status": "PUBLISHED", "start": "2022-10-11T17:00:00",
                             "startsAt": "2022-10-11T15:00:00Z", "platform": "Zoom"},
                 "announced": true}
                """.formatted(id, id));

        assertThat(traces(id)).isEqualTo(before);
        // the version previewed is still the one to save with, and the save announces what was previewed
        assertThat(patch(id, "\"1\"", MOVE)).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
        assertThat(count(
                        "select count(*) from outbox where message_key = ? and headers->>'ce_type' = ?",
                        id,
                        "eu.herald.session.rescheduled.v1"))
                .isEqualTo(1);
    }

    @Test
    void showsWhatEachChangedFieldWasAndWouldBeWithTheMostDisruptiveKind() {
        String id = published(networking());

        assertThat(preview(
                        id, "\"1\"", "{\"title\": {\"pt\": \"Trabalho em rede de cidades\"}, \"platform\": \"Webex\"}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"kind": "RELOCATED", "changedFields": ["title", "platform"],
                         "previous": {"platform": "Zoom"},
                         "current": {"title": {"pt": "Trabalho em rede de cidades"}, "platform": "Webex"}}
                        """);
    }

    @Test
    void showsADraftsChangeAsNotAnnouncedAndNoChangeAsNone() {
        String draft = idOf(post(networking()));
        String published = published(networking());

        assertThat(preview(draft, "\"1\"", MOVE))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"kind\": \"RESCHEDULED\", \"announced\": false, \"session\": {\"status\": \"DRAFT\"}}");
        assertThat(preview(published, "\"1\"", "{\"platform\": \"Zoom\"}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"kind\": null, \"changedFields\": [], \"previous\": {}, \"current\": {},"
                        + " \"announced\": false, \"session\": {\"version\": 1}}");
        assertThat(count("select version from session where id = ?::uuid", draft))
                .isEqualTo(1);
    }

    @Test
    void refusesWhatPatchRefusesChangingNothing() {
        String id = published(networking());
        assertThat(patch(id, "\"1\"", MOVE)).hasStatusOk();
        List<Integer> before = traces(id);

        assertThat(preview(id, "\"1\"", "{\"platform\": \"Webex\"}"))
                .hasStatus(412)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/sessions/{id}/preview", id)
                        .contentType(MERGE_PATCH)
                        .content(MOVE))
                .hasStatus(428);
        assertThat(preview(id, "\"2\"", "{\"end\": \"2022-10-11T16:00\", \"strat\": \"2022-10-11T15:00\"}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("strat");
        assertThat(preview(id, "\"2\"", "{\"end\": \"2022-10-11T16:00\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("end");
        assertThat(traces(id)).isEqualTo(before);

        assertThat(cancel(id, "\"2\"", "The speakers cannot attend")).hasStatusOk();
        assertThat(preview(id, "\"3\"", MOVE)).hasStatus(409);
        assertThat(preview("00000000-0000-4000-8000-000000000000", "\"1\"", MOVE))
                .hasStatus(404);
    }

    @Test
    void needsAnOperatorsToken() {
        String id = published(networking());

        assertThat(mvc.post()
                        .uri("/api/sessions/{id}/preview", id)
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MERGE_PATCH)
                        .content(MOVE))
                .hasStatus(401);
    }

    /** The session's version, its messages in the outbox and its entries in the audit trail. */
    private List<Integer> traces(String id) {
        return List.of(
                count("select version from session where id = ?::uuid", id),
                count("select count(*) from outbox where message_key = ?", id),
                count("select count(*) from audit_entry where entity_id = ?", id));
    }
}
