package eu.herald.catalogue.session;

import static eu.herald.catalogue.SessionJson.JOIN_LINK;
import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.catalogue.CatalogueIntegrationTest;
import eu.herald.testsupport.ContractSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Publishing and revising sessions over HTTP, and what arrives on catalogue.session-changes.v1. */
class SessionAnnouncementIntegrationTests extends CatalogueIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void announcesAPublicationAndAReschedulingAsCloudEventsKeyedBySession() {
        Consumer<String, String> consumer = sessionChangesConsumer();

        MvcTestResult created = post(networking());
        assertThat(created)
                .hasStatus(201)
                .hasHeader(HttpHeaders.ETAG, "\"1\"")
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"version\": 1, \"status\": \"PUBLISHED\", \"startsAt\": \"2022-10-11T14:30:00Z\"}");
        String id = idOf(created);
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/sessions/" + id);

        assertThat(put(id, "\"1\"", networking("2022-10-11T17:00", "2022-10-11T18:30", "Zoom", "")))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"")
                .bodyJson()
                .isLenientlyEqualTo("{\"version\": 2, \"start\": \"2022-10-11T17:00:00\"}");

        List<ConsumerRecord<String, String>> records = awaitRecords(consumer, id, 2);

        assertAnnounced(records.get(0), id, "published", 1);
        assertAnnounced(records.get(1), id, "rescheduled", 2);
        JsonNode rescheduled = json.readTree(records.get(1).value());
        assertThat(json.writeValueAsString(rescheduled.get("previous")))
                .isEqualTo("{\"start\":\"2022-10-11T16:30:00\",\"end\":\"2022-10-11T18:00:00\"}");
        assertThat(rescheduled.get("changedFields").toString()).isEqualTo("[\"start\",\"end\"]");
        assertThat(rescheduled.at("/session/startsAt").asString()).isEqualTo("2022-10-11T15:00:00Z");
        assertThat(json.readTree(records.get(0).value()).get("previous").isEmpty())
                .isTrue();
    }

    @Test
    void announcesARelocationWithThePreviousPlatformAndLink() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = idOf(post(networking()));

        String moved = networking("2022-10-11T16:30", "2022-10-11T18:00", "Webex", "")
                .replaceFirst(JOIN_LINK, "https://webex.example/j/42");
        assertThat(put(id, null, moved)).hasStatusOk();

        ConsumerRecord<String, String> relocated = awaitRecords(consumer, id, 2).get(1);
        assertAnnounced(relocated, id, "relocated", 2);
        JsonNode change = json.readTree(relocated.value());
        assertThat(change.get("changedFields").toString()).isEqualTo("[\"platform\",\"joinLink\"]");
        assertThat(change.at("/previous/platform").asString()).isEqualTo("Zoom");
        assertThat(change.at("/previous/joinLink").asString()).isEqualTo(JOIN_LINK);
    }

    @Test
    void keepsTheVersionAndAnnouncesNothingWhenARevisionChangesNothing() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = idOf(post(networking()));

        assertThat(put(id, "\"1\"", networking()))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"1\"")
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(1);
        // a later real change is announced right after the publication: nothing came in between
        assertThat(put(id, "\"1\"", networking().replace("\"languages\": [\"en\"]", "\"languages\": [\"en\", \"pl\"]")))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"");

        List<ConsumerRecord<String, String>> records = awaitRecords(consumer, id, 2);
        assertAnnounced(records.get(0), id, "published", 1);
        assertAnnounced(records.get(1), id, "updated", 2);
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isEqualTo(2);
    }

    @Test
    void refusesARevisionBasedOnAStaleVersion() {
        String id = idOf(post(networking()));
        assertThat(put(id, "\"1\"", networking("2022-10-11T17:00", "2022-10-11T18:30", "Zoom", "")))
                .hasStatusOk();

        assertThat(put(id, "\"1\"", networking("2022-10-12T09:00", "2022-10-12T10:30", "Zoom", "")))
                .hasStatus(412)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(mvc.get().uri("/api/sessions/{id}", id))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"")
                .bodyJson()
                .extractingPath("$.start")
                .isEqualTo("2022-10-11T17:00:00");
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isEqualTo(2);
    }

    @Test
    void answersNotModifiedWhenTheClientHasTheCurrentVersion() {
        String id = idOf(post(networking()));

        assertThat(mvc.get().uri("/api/sessions/{id}", id).header(HttpHeaders.IF_NONE_MATCH, "\"1\""))
                .hasStatus(304);
    }

    @Test
    void answersAnUnknownSessionWithNotFound() {
        String unknown = "00000000-0000-4000-8000-000000000000";

        assertThat(mvc.get().uri("/api/sessions/{id}", unknown))
                .hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(put(unknown, null, networking())).hasStatus(404);
    }

    @Test
    void listsSessionsInPagesInTheOrderTheyWereCreated() {
        String first = idOf(post(networking()));
        String second = idOf(post(networking()));
        int total = count("select count(*) from session");

        assertThat(mvc.get().uri("/api/sessions?page={page}&size=1", total - 2))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"content\": [{\"id\": \"%s\"}], \"page\": {\"size\": 1, \"totalElements\": %d}}"
                        .formatted(first, total));
        assertThat(mvc.get().uri("/api/sessions?page={page}&size=1", total - 1))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .isEqualTo(second);
    }

    private void assertAnnounced(ConsumerRecord<String, String> record, String id, String kind, int version) {
        ContractSchemas.assertConforms(SESSION_CHANGES, record.value());
        JsonNode change = json.readTree(record.value());
        assertThat(record.key()).isEqualTo(id);
        assertThat(change.get("kind").asString()).isEqualTo(kind.toUpperCase());
        assertThat(change.at("/session/id").asString()).isEqualTo(id);
        assertThat(change.at("/session/version").asInt()).isEqualTo(version);
        assertThat(headers(record))
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", change.get("changeId").asString())
                .containsEntry("ce_type", "eu.herald.session." + kind + ".v1")
                .containsEntry("ce_source", "/herald/catalogue")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_time", change.get("occurredAt").asString())
                .containsEntry("content-type", "application/json");
        assertThat(Instant.parse(headers(record).get("ce_time"))).isNotNull();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        var headers = new java.util.HashMap<String, String>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(
            Consumer<String, String> consumer, String id, int expected) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            records.addAll(poll(consumer, id));
            assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
        });
        assertThat(records).hasSize(expected);
        return records;
    }

    private MvcTestResult post(String body) {
        return mvc.post()
                .uri("/api/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult put(String id, String ifMatch, String body) {
        var request = mvc.put()
                .uri("/api/sessions/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    private String idOf(MvcTestResult result) {
        assertThat(result).hasStatus(201);
        return json.readTree(result.getResponse().getContentAsByteArray())
                .get("id")
                .asString();
    }
}
