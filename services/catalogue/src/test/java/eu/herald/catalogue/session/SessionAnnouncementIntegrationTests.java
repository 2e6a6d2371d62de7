package eu.herald.catalogue.session;

import static eu.herald.catalogue.SessionJson.JOIN_LINK;
import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.CatalogueIntegrationTest;
import eu.herald.testsupport.ContractSchemas;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The life of a session over HTTP, and exactly what arrives on catalogue.session-changes.v1. */
class SessionAnnouncementIntegrationTests extends CatalogueIntegrationTest {

    @Test
    void announcesNothingForADraftAndPublishedOnceItIsPublished() {
        Consumer<String, String> consumer = sessionChangesConsumer();

        MvcTestResult created = post(networking());
        assertThat(created)
                .hasStatus(201)
                .hasHeader(HttpHeaders.ETAG, "\"1\"")
                .bodyJson()
                .isLenientlyEqualTo("{\"version\": 1, \"status\": \"DRAFT\", \"startsAt\": \"2022-10-11T14:30:00Z\"}");
        String id = idOf(created);
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/sessions/" + id);
        assertThat(put(id, "\"1\"", networking("2022-10-11T17:00", "2022-10-11T18:30", "Zoom", "")))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"");
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isZero();

        assertThat(publish(id, "\"2\""))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"3\"")
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PUBLISHED");

        ConsumerRecord<String, String> published = awaitRecords(consumer, id, 1).get(0);
        assertAnnounced(published, id, "published", 3);
        JsonNode change = json.readTree(published.value());
        assertThat(change.get("previous").isEmpty()).isTrue();
        assertThat(change.get("changedFields").isEmpty()).isTrue();
        assertThat(change.at("/session/start").asString()).isEqualTo("2022-10-11T17:00:00");
    }

    @Test
    void announcesAReschedulingWithThePreviousTimes() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(networking());

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
    }

    @Test
    void namesTheSessionsEventInEachAnnouncementAndNothingWithoutAnEvent() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(networking());
        assertThat(cancel(id, "\"1\"", "The speakers cannot attend")).hasStatusOk();
        String withoutEvent = published(networking().replace("\"eventId\": \"" + SEEDED_EVENT + "\",", ""));

        JsonNode seededName = json.readTree("""
                {"en": "20th European Week of Regions and Cities", "pl": "20. Europejski Tydzień Regionów i Miast",
                 "pt": "20.ª Semana Europeia das Regiões e Cidades"}
                """);
        for (ConsumerRecord<String, String> record : awaitRecords(consumer, id, 2)) {
            JsonNode change = json.readTree(record.value());
            assertThat(change.at("/session/eventId").asString()).isEqualTo(SEEDED_EVENT);
            assertThat(change.at("/session/eventName")).isEqualTo(seededName);
            ContractSchemas.assertConforms(SESSION_CHANGES, record.value());
        }
        // another consumer: awaiting the first session's records passed over this one's
        ConsumerRecord<String, String> alone =
                awaitRecords(sessionChangesConsumer(), withoutEvent, 1).get(0);
        assertThat(json.readTree(alone.value()).at("/session/eventName").isNull())
                .isTrue();
        ContractSchemas.assertConforms(SESSION_CHANGES, alone.value());
    }

    @Test
    void announcesARelocationWithThePreviousPlatformAndLink() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(networking());

        String moved = networking("2022-10-11T16:30", "2022-10-11T18:00", "Webex", "")
                .replaceFirst(JOIN_LINK, "https://webex.example/j/42");
        assertThat(put(id, "\"1\"", moved)).hasStatusOk();

        ConsumerRecord<String, String> relocated = awaitRecords(consumer, id, 2).get(1);
        assertAnnounced(relocated, id, "relocated", 2);
        JsonNode change = json.readTree(relocated.value());
        assertThat(change.get("changedFields").toString()).isEqualTo("[\"platform\",\"joinLink\"]");
        assertThat(change.at("/previous/platform").asString()).isEqualTo("Zoom");
        assertThat(change.at("/previous/joinLink").asString()).isEqualTo(JOIN_LINK);
    }

    @Test
    void announcesAnUpdateOfTextsAndThemesWithTheirPreviousValues() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(networking());

        String retitled = networking()
                .replace("transfer knowledge and innovation\"", "share knowledge\"")
                .replace("[\"territorial-cohesion\"]", "[\"territorial-cohesion\", \"green-transition\"]");
        assertThat(put(id, "\"1\"", retitled)).hasStatusOk();

        ConsumerRecord<String, String> updated = awaitRecords(consumer, id, 2).get(1);
        assertAnnounced(updated, id, "updated", 2);
        JsonNode change = json.readTree(updated.value());
        assertThat(change.get("changedFields").toString()).isEqualTo("[\"title\",\"themes\"]");
        assertThat(change.at("/previous/title/en").asString()).endsWith("transfer knowledge and innovation");
        assertThat(change.at("/previous/themes").toString()).isEqualTo("[\"territorial-cohesion\"]");
        assertThat(change.at("/session/themes").toString())
                .isEqualTo("[\"green-transition\",\"territorial-cohesion\"]");
    }

    @Test
    void announcesACancellationWithItsReasonAndRefusesLaterChanges() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(networking());

        assertThat(cancel(id, "\"1\"", "The speakers cannot attend"))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"2\"")
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"status\": \"CANCELLED\", \"cancellationReason\": \"The speakers cannot attend\"}");

        ConsumerRecord<String, String> cancelled = awaitRecords(consumer, id, 2).get(1);
        assertAnnounced(cancelled, id, "cancelled", 2);
        JsonNode change = json.readTree(cancelled.value());
        assertThat(change.get("changedFields").toString()).isEqualTo("[\"status\",\"cancellationReason\"]");
        assertThat(json.writeValueAsString(change.get("previous")))
                .isEqualTo("{\"status\":\"PUBLISHED\",\"cancellationReason\":null}");
        assertThat(change.at("/session/cancellationReason").asString()).isEqualTo("The speakers cannot attend");

        int messages = count("select count(*) from outbox where message_key = ?", id);
        assertThat(put(id, "\"2\"", networking("2022-10-12T09:00", "2022-10-12T10:00", "Zoom", "")))
                .hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(publish(id, "\"2\"")).hasStatus(409);
        assertThat(cancel(id, "\"2\"", "again")).hasStatus(409);
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isEqualTo(messages);
    }

    @Test
    void refusesACancellationWithoutAReason() {
        String id = published(networking());

        assertThat(cancel(id, "\"1\"", " "))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("reason");
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isEqualTo(1);
    }

    @Test
    void refusesToPublishOrCancelAnythingButADraftOrAPublishedSession() {
        String draft = idOf(post(networking()));
        String live = published(networking());

        assertThat(cancel(draft, "\"1\"", "no longer planned")).hasStatus(409);
        assertThat(publish(live, "\"1\"")).hasStatus(409);
        assertThat(mvc.delete()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/sessions/{id}", live)
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .hasStatus(409);
        assertThat(mvc.delete()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/sessions/{id}", draft)
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .hasStatus(204);
        assertThat(mvc.get().uri("/api/sessions/{id}", draft)).hasStatus(404);
        assertThat(count("select count(*) from outbox where message_key = ?", draft))
                .isZero();
    }

    @Test
    void keepsTheVersionAndAnnouncesNothingWhenAWriteChangesNothing() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        String id = published(networking());

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
    void refusesAChangeBasedOnAStaleVersionSoTwoOperatorsNeverOverwriteEachOther() {
        String id = published(networking());
        // both operators read version 1; the first one's change wins
        assertThat(put(id, "\"1\"", networking("2022-10-11T17:00", "2022-10-11T18:30", "Zoom", "")))
                .hasStatusOk();

        assertThat(put(id, "\"1\"", networking("2022-10-12T09:00", "2022-10-12T10:30", "Zoom", "")))
                .hasStatus(412)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(cancel(id, "\"1\"", "stale")).hasStatus(412);

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
    void letsExactlyOneOfTwoSimultaneousChangesOfTheSameVersionWin() {
        String id = published(networking());
        var barrier = new CyclicBarrier(2);
        ExecutorService operators = Executors.newFixedThreadPool(2);
        Function<String, CompletableFuture<Integer>> change = start -> CompletableFuture.supplyAsync(
                () -> {
                    await(barrier);
                    return put(id, "\"1\"", networking("2022-10-11T" + start, "2022-10-11T19:00", "Zoom", ""))
                            .getResponse()
                            .getStatus();
                },
                operators);
        try {
            CompletableFuture<Integer> first = change.apply("17:00");
            CompletableFuture<Integer> second = change.apply("17:30");

            assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 412);
        } finally {
            operators.shutdown();
        }
        assertThat(count("select version from session where id = ?::uuid", id)).isEqualTo(2);
        assertThat(count("select count(*) from outbox where message_key = ?", id))
                .isEqualTo(2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void requiresIfMatchForEveryChange() {
        String id = published(networking());

        assertThat(mvc.put()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/sessions/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(networking("2022-10-11T17:00", "2022-10-11T18:30", "Zoom", "")))
                .hasStatus(428)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .endsWith("the current one is If-Match: \"1\"");
        assertThat(put(id, "*", networking("2022-10-11T17:00", "2022-10-11T18:30", "Zoom", "")))
                .hasStatus(428);
        assertThat(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATOR).uri("/api/sessions/{id}/publish", id))
                .hasStatus(428);
        assertThat(count("select version from session where id = ?::uuid", id)).isEqualTo(1);
    }

    @Test
    void answersNotModifiedWhenTheClientHasTheCurrentVersion() {
        String id = published(networking());

        assertThat(mvc.get().uri("/api/sessions/{id}", id).header(HttpHeaders.IF_NONE_MATCH, "\"1\""))
                .hasStatus(304);
    }

    @Test
    void answersAnUnknownSessionWithNotFound() {
        String unknown = "00000000-0000-4000-8000-000000000000";

        assertThat(mvc.get().uri("/api/sessions/{id}", unknown))
                .hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(put(unknown, "\"1\"", networking())).hasStatus(404);
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
}
