package eu.herald.catalogue.session;

import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.CatalogueIntegrationTest;
import eu.herald.testsupport.ContractSchemas;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH with a JSON merge patch: the patch is merged into the body PUT takes, which then goes the PUT's way
 * (validation, version check, change kinds, announcements).
 */
class SessionPatchIntegrationTests extends CatalogueIntegrationTest {

    private static final String MOVE = "{\"start\": \"2022-10-11T17:00\", \"end\": \"2022-10-11T18:30\"}";
    /** Every member of the session with a value, so that keeping "every other field" means something. */
    private static final String FULL = networking()
            .replace(
                    "\"languages\": [\"en\"]",
                    "\"languages\": [\"en\", \"pl\"], \"organisers\": [\"Committee of the Regions\"],"
                            + " \"venue\": \"SQUARE, Brussels\", \"description\": {\"en\": \"Cities learn from"
                            + " each other\"}");

    @Test
    void movesASessionKeepingEveryOtherFieldAndAnnouncesOneRescheduling() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(FULL);
        JsonNode before = read(id);

        MvcTestResult moved = patch(id, "\"1\"", MOVE);

        assertThat(moved)
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"")
                .bodyJson()
                .isLenientlyEqualTo("{\"version\": 2, \"start\": \"2022-10-11T17:00:00\","
                        + " \"startsAt\": \"2022-10-11T15:00:00Z\", \"endsAt\": \"2022-10-11T16:30:00Z\"}");
        assertThat(withoutTimesAndVersion(read(id))).isEqualTo(withoutTimesAndVersion(before));
        assertThat(read(id).get("languages").toString()).isEqualTo("[\"en\",\"pl\"]");

        List<ConsumerRecord<String, String>> records = awaitRecords(consumer, id, 2);
        ContractSchemas.assertConforms(SESSION_CHANGES, records.get(1).value());
        JsonNode rescheduled = json.readTree(records.get(1).value());
        assertThat(rescheduled.get("kind").asString()).isEqualTo("RESCHEDULED");
        assertThat(rescheduled.at("/session/version").asInt()).isEqualTo(2);
        assertThat(rescheduled.get("changedFields").toString()).isEqualTo("[\"start\",\"end\"]");
        assertThat(json.writeValueAsString(rescheduled.get("previous")))
                .isEqualTo("{\"start\":\"2022-10-11T16:30:00\",\"end\":\"2022-10-11T18:00:00\"}");
        assertThat(rescheduled.at("/session/languages").toString()).isEqualTo("[\"en\",\"pl\"]");
        assertThat(count(
                        "select count(*) from audit_entry where entity_id = ? and change = 'REVISED' and to_version = 2",
                        id))
                .isEqualTo(1);
    }

    @Test
    void announcesAnUpdateWhenATextIsPatchedMergingItsLanguages() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(networking());

        assertThat(patch(id, "\"1\"", "{\"title\": {\"en\": \"Networking of cities to share knowledge\"}}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"version\": 2, \"title\": {\"en\": \"Networking of cities to share knowledge\","
                        + " \"pl\": \"Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji\"}}");

        JsonNode updated = json.readTree(awaitRecords(consumer, id, 2).get(1).value());
        assertThat(updated.get("kind").asString()).isEqualTo("UPDATED");
        assertThat(updated.get("changedFields").toString()).isEqualTo("[\"title\"]");
        assertThat(updated.at("/previous/title/en").asString()).endsWith("transfer knowledge and innovation");
    }

    @Test
    void removesOptionalMembersPatchedWithNullAndReplacesArraysWhole() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(FULL);

        assertThat(patch(id, "\"1\"", "{\"venue\": null, \"title\": {\"pl\": null}, \"languages\": [\"pt\"]}"))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"");

        JsonNode session = read(id);
        assertThat(session.get("venue").isNull()).isTrue();
        assertThat(session.get("title").propertyNames()).containsExactly("en");
        assertThat(session.get("languages").toString()).isEqualTo("[\"pt\"]");
        assertThat(session.get("organisers").toString()).isEqualTo("[\"Committee of the Regions\"]");
        JsonNode relocated = json.readTree(awaitRecords(consumer, id, 2).get(1).value());
        assertThat(relocated.get("kind").asString()).isEqualTo("RELOCATED");
        assertThat(relocated.get("changedFields").toString()).isEqualTo("[\"title\",\"venue\",\"languages\"]");
    }

    @Test
    void changesADraftWithoutAnnouncingIt() {
        String id = idOf(post(networking()));

        assertThat(patch(id, "\"1\"", MOVE))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"")
                .bodyJson()
                .isLenientlyEqualTo("{\"status\": \"DRAFT\", \"start\": \"2022-10-11T17:00:00\"}");
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isZero();
    }

    @Test
    void keepsTheVersionWhenAPatchChangesNothing() {
        String id = published(networking());

        assertThat(patch(id, "\"1\"", "{\"platform\": \"Zoom\"}")).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isEqualTo(1);
    }

    static Stream<Arguments> badPatches() {
        return Stream.of(
                Arguments.of("null on a required member", "{\"start\": null}", List.of("start")),
                Arguments.of("null on the zone", "{\"zone\": null}", List.of("zone")),
                Arguments.of("null on the only title", "{\"title\": null}", List.of("title")),
                Arguments.of("ends before it starts", "{\"end\": \"2022-10-11T16:00\"}", List.of("end")),
                Arguments.of("invalid link", "{\"joinLink\": \"ftp://files.example.org/x\"}", List.of("joinLink")),
                Arguments.of("unknown theme", "{\"themes\": [\"space-exploration\"]}", List.of("themes")),
                Arguments.of("not a date-time", "{\"start\": \"next Tuesday\"}", List.of("start")),
                Arguments.of("unknown format", "{\"format\": \"TELEPATHIC\"}", List.of("format")),
                Arguments.of(
                        "members PUT does not take",
                        "{\"startsAt\": \"2022-10-11T15:00:00Z\", \"strat\": \"2022-10-11T17:00\"}",
                        List.of("startsAt", "strat")),
                Arguments.of("not an object", "[\"start\"]", List.of()),
                Arguments.of("malformed", "this is not JSON", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPatches")
    void refusesABadPatchNamingTheFieldAndStoresNothing(String problem, String patch, List<String> fields) {
        String id = published(networking());
        int messages = count("select count(*) from outbox");

        MvcTestResult result = patch(id, "\"1\"", patch);

        assertThat(result)
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrderElementsOf(fields);
        assertThat(count("select version from session where id = ?::uuid", id)).isEqualTo(1);
        assertThat(count("select count(*) from outbox")).isEqualTo(messages);
    }

    @Test
    void namesTheCurrentVersionWhenIfMatchIsMissing() {
        String id = published(networking());
        assertThat(patch(id, "\"1\"", MOVE)).hasStatusOk();

        MvcTestResult withoutIfMatch = mvc.patch()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions/{id}", id)
                .contentType(MERGE_PATCH)
                .content("{\"platform\": \"Webex\"}")
                .exchange();

        assertThat(withoutIfMatch)
                .hasStatus(428)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .endsWith("the current one is If-Match: \"2\"");
        assertThat(patch(id, "*", "{\"platform\": \"Webex\"}")).hasStatus(428);
        assertThat(count("select version from session where id = ?::uuid", id)).isEqualTo(2);
    }

    @Test
    void refusesAPatchOfAStaleVersion() {
        String id = published(networking());
        assertThat(patch(id, "\"1\"", MOVE)).hasStatusOk();

        assertThat(patch(id, "\"1\"", "{\"platform\": \"Webex\"}"))
                .hasStatus(412)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(read(id).get("platform").asString()).isEqualTo("Zoom");
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isEqualTo(2);
    }

    @Test
    void refusesAPatchThatIsNotAMergePatch() {
        String id = published(networking());

        MvcTestResult result = mvc.patch()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(MOVE)
                .exchange();

        assertThat(result)
                .hasStatus(415)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("Accept-Patch", "application/merge-patch+json");
        assertThat(count("select version from session where id = ?::uuid", id)).isEqualTo(1);
    }

    @Test
    void refusesAPatchOfACancelledSession() {
        String id = published(networking());
        assertThat(cancel(id, "\"1\"", "The speakers cannot attend")).hasStatusOk();

        assertThat(patch(id, "\"2\"", MOVE)).hasStatus(409);
        assertThat(patch("00000000-0000-4000-8000-000000000000", "\"1\"", MOVE)).hasStatus(404);
    }

    @Test
    void describesThePatchForOperatorsInOpenApi() {
        String patch = "$.paths['/api/sessions/{id}'].patch";
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath(patch + ".requestBody.content['application/merge-patch+json'].schema['$ref']")
                .asString()
                .endsWith("/SessionRequest");
        assertThat(mvc.get().uri("/v3/api-docs"))
                .bodyJson()
                .extractingPath(patch + ".security[0]")
                .asMap()
                .containsKey("operator-token");
    }

    private JsonNode read(String id) {
        MvcTestResult result = mvc.get().uri("/api/sessions/{id}", id).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static JsonNode withoutTimesAndVersion(JsonNode session) {
        ObjectNode rest = (ObjectNode) session.deepCopy();
        rest.remove(List.of("start", "end", "startsAt", "endsAt", "version", "updatedAt"));
        return rest;
    }
}
