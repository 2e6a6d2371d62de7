package eu.herald.catalogue.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.outbox.OutboxMessage;
import eu.herald.catalogue.session.ChangeKind;
import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionChanged;
import eu.herald.catalogue.session.SessionDetails;
import eu.herald.catalogue.session.SessionFormat;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.session.SessionStatus;
import eu.herald.catalogue.shared.Texts;
import eu.herald.testsupport.ContractSchemas;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The record the catalogue produces for a change is the contract's own example, headers included. */
class SessionChangeMessagesTests {

    private static final String TOPIC = "catalogue.session-changes.v1";
    private static final String LINK =
            "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SessionChangeMessages messages = new SessionChangeMessages(JSON);

    @Test
    void writesAReschedulingExactlyLikeTheContractExample() throws Exception {
        String example = ContractSchemas.examples(TOPIC).get("rescheduled.json");

        OutboxMessage message = messages.message(changeOf(example));

        JSONAssert.assertEquals(example, message.payload(), JSONCompareMode.STRICT);
        ContractSchemas.assertConforms(TOPIC, message.payload());
        assertThat(message.topic()).isEqualTo(TOPIC);
        assertThat(message.key()).isEqualTo("5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11");
        assertThat(message.headers())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", "0b9e4c1a-6f1e-4d8a-9a53-2f7d1c3e5b10",
                        "ce_type", "eu.herald.session.rescheduled.v1",
                        "ce_source", "/herald/catalogue",
                        "ce_subject", "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11",
                        "ce_time", "2022-10-05T09:12:44.512Z",
                        "content-type", "application/json"));
    }

    @Test
    void writesACancellationExactlyLikeTheContractExample() throws Exception {
        String example = ContractSchemas.examples(TOPIC).get("cancelled.json");

        OutboxMessage message = messages.message(changeOf(example));

        JSONAssert.assertEquals(example, message.payload(), JSONCompareMode.STRICT);
        ContractSchemas.assertConforms(TOPIC, message.payload());
        assertThat(message.headers()).containsEntry("ce_type", "eu.herald.session.cancelled.v1");
    }

    @Test
    void writesAPublicationWithEverythingTheContractExampleHas() throws Exception {
        String example = ContractSchemas.examples(TOPIC).get("published.json");

        OutboxMessage message = messages.message(changeOf(example));

        JSONAssert.assertEquals(example, message.payload(), JSONCompareMode.LENIENT);
        assertThat(message.headers()).containsEntry("ce_type", "eu.herald.session.published.v1");
    }

    @Test
    void namesTheEventInTheShapeOfTheTitleAndNothingWithoutAnEvent() {
        Instant now = Instant.parse("2022-10-05T10:00:00Z");
        Texts name = Texts.of(Map.of("en", "20th European Week of Regions and Cities", "pl", "20. Europejski Tydzień"));
        Session session = networking(1, "2022-10-11T16:30", "2022-10-11T18:00", now);

        String named = messages.message(new SessionChanged(
                        UUID.randomUUID(), ChangeKind.PUBLISHED, now, session, name, Map.of(), List.of()))
                .payload();
        String unnamed = messages.message(new SessionChanged(
                        UUID.randomUUID(), ChangeKind.PUBLISHED, now, session, null, Map.of(), List.of()))
                .payload();

        assertThat(JSON.readTree(named).at("/session/eventName"))
                .isEqualTo(JSON.readTree(
                        "{\"en\": \"20th European Week of Regions and Cities\", \"pl\": \"20. Europejski Tydzień\"}"));
        assertThat(JSON.readTree(unnamed).at("/session/eventName").isNull()).isTrue();
        ContractSchemas.assertConforms(TOPIC, named);
        ContractSchemas.assertConforms(TOPIC, unnamed);
    }

    @Test
    void writesPreviousValuesInTheShapeOfTheSnapshot() {
        Instant now = Instant.parse("2022-10-05T10:00:00Z");
        var previous = new LinkedHashMap<String, Object>();
        previous.put("title", Texts.of(Map.of("en", "Networking")));
        previous.put("eventId", new EventId(UUID.fromString("3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40")));
        previous.put("format", SessionFormat.ONSITE);
        previous.put("venue", null);
        var change = new SessionChanged(
                UUID.randomUUID(),
                ChangeKind.UPDATED,
                now,
                networking(3, "2022-10-11T16:30", "2022-10-11T18:00", now),
                null,
                previous,
                List.of("title", "eventId", "format", "venue"));

        String payload = messages.message(change).payload();

        ContractSchemas.assertConforms(TOPIC, payload);
        assertThat(payload)
                .contains("\"previous\":{\"title\":{\"en\":\"Networking\"},"
                        + "\"eventId\":\"3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40\",\"format\":\"ONSITE\",\"venue\":null}");
    }

    /** The domain change an example message stands for, so the test holds whatever the example's values. */
    private static SessionChanged changeOf(String example) {
        JsonNode change = JSON.readTree(example);
        JsonNode session = change.get("session");
        var details = new SessionDetails(
                new EventId(UUID.fromString(session.get("eventId").asString())),
                session.get("defaultLanguage").asString(),
                texts(session.get("title")),
                texts(session.get("description")),
                LocalDateTime.parse(session.get("start").asString()),
                LocalDateTime.parse(session.get("end").asString()),
                session.get("zone").asString(),
                SessionFormat.valueOf(text(session, "format", "ONLINE")),
                text(session, "venue", null),
                text(session, "platform", null),
                text(session, "joinLink", null),
                text(session, "registrationLink", null),
                strings(session.get("languages")),
                strings(session.get("organisers")),
                strings(session.get("themes")));
        Instant occurredAt = Instant.parse(change.get("occurredAt").asString());
        var previous = new LinkedHashMap<String, Object>();
        change.get("previous")
                .properties()
                .forEach(field -> previous.put(field.getKey(), previousValue(field.getKey(), field.getValue())));
        return new SessionChanged(
                UUID.fromString(change.get("changeId").asString()),
                ChangeKind.valueOf(change.get("kind").asString()),
                occurredAt,
                new Session(
                        new SessionId(UUID.fromString(session.get("id").asString())),
                        session.get("version").asInt(),
                        SessionStatus.valueOf(session.get("status").asString()),
                        details,
                        text(session, "cancellationReason", null),
                        occurredAt,
                        Instant.parse(text(session, "updatedAt", occurredAt.toString()))),
                texts(session.get("eventName")),
                previous,
                strings(change.get("changedFields")));
    }

    private static Object previousValue(String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        return switch (field) {
            case "start", "end" -> LocalDateTime.parse(value.asString());
            case "status" -> SessionStatus.valueOf(value.asString());
            default -> value.asString();
        };
    }

    private static Texts texts(JsonNode node) {
        return node == null
                ? Texts.none()
                : Texts.of(JSON.convertValue(node, new TypeReference<Map<String, String>>() {}));
    }

    private static List<String> strings(JsonNode node) {
        return node == null
                ? List.of()
                : node.valueStream().map(JsonNode::asString).toList();
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : value.asString();
    }

    private static Session networking(int version, String start, String end, Instant updatedAt) {
        var details = new SessionDetails(
                new EventId(UUID.fromString("3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40")),
                "en",
                Texts.of(Map.of(
                        "en", "Networking of cities and municipalities as a way to transfer knowledge and innovation",
                        "pl", "Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji")),
                Texts.none(),
                LocalDateTime.parse(start),
                LocalDateTime.parse(end),
                "Europe/Warsaw",
                SessionFormat.ONLINE,
                null,
                "Zoom",
                LINK,
                LINK,
                List.of("en"),
                List.of(),
                List.of("territorial-cohesion"));
        return new Session(
                new SessionId(UUID.fromString("5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11")),
                version,
                SessionStatus.PUBLISHED,
                details,
                null,
                Instant.parse("2022-09-20T08:00:00Z"),
                updatedAt);
    }
}
