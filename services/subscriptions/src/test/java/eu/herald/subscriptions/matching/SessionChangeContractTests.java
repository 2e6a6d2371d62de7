package eu.herald.subscriptions.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.subscriptions.subscription.ChangeKind;
import eu.herald.testsupport.ContractSchemas;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The catalogue's examples read into this service's own records, and what the matcher makes of them. */
class SessionChangeContractTests {

    private static final String CHANGES = "catalogue.session-changes.v1";
    private static final String REQUESTS = "subscriptions.notification-requests.v1";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsEveryExampleOfTheSessionChangesContract() {
        Map<String, String> examples = ContractSchemas.examples(CHANGES);
        assertThat(examples).isNotEmpty();
        try (var deserializer = new JacksonJsonDeserializer<>(SessionChange.class, json, false)) {
            examples.forEach((name, example) -> {
                SessionChange change = deserializer.deserialize(CHANGES, example.getBytes(StandardCharsets.UTF_8));
                JsonNode expected = json.readTree(example);
                assertThat(change.changeId().toString())
                        .as(name)
                        .isEqualTo(expected.get("changeId").stringValue());
                assertThat(change.kind().name())
                        .as(name)
                        .isEqualTo(expected.get("kind").stringValue());
                assertThat(change.sessionId())
                        .as(name)
                        .isEqualTo(UUID.fromString("5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11"));
                assertThat(change.eventId())
                        .as(name)
                        .isEqualTo(UUID.fromString("3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40"));
                assertThat(change.themes()).as(name).containsExactly("territorial-cohesion");
                assertThat(change.session()).as(name).isEqualTo(expected.get("session"));
                assertThat(change.previous()).as(name).isEqualTo(expected.get("previous"));
            });
        }
    }

    @Test
    void readsTheRescheduledExampleWithItsPreviousTimes() {
        SessionChange change =
                json.readValue(ContractSchemas.examples(CHANGES).get("rescheduled.json"), SessionChange.class);
        assertThat(change.kind()).isEqualTo(ChangeKind.RESCHEDULED);
        assertThat(change.changedFields()).containsExactly("start", "end");
        assertThat(change.previous().get("start").stringValue()).isEqualTo("2022-10-11T16:30:00");
        assertThat(change.occurredAt()).hasToString("2022-10-05T09:12:44.512Z");
    }

    @Test
    void buildsRequestsThatConformToTheRequestContractFromEveryExample() {
        ContractSchemas.examples(CHANGES).forEach((name, example) -> {
            SessionChange change = json.readValue(example, SessionChange.class);
            var request = NotificationRequested.of(change, plock());
            String written = json.writeValueAsString(request);
            ContractSchemas.assertConforms(REQUESTS, written);
            JsonNode tree = json.readTree(written);
            assertThat(tree.get("change")).as(name).isEqualTo(json.readTree(example));
            assertThat(tree.at("/recipient/preferences/quietHours/from").stringValue())
                    .isEqualTo("22:00");
            assertThat(tree.at("/recipient/preferences/digestTime").stringValue())
                    .isEqualTo("07:30");
            assertThat(tree.at("/change/session/eventId"))
                    .as(name)
                    .isEqualTo(json.readTree(example).at("/session/eventId"));
            assertThat(tree.at("/change/session/eventName"))
                    .as(name)
                    .isEqualTo(json.readTree(example).at("/session/eventName"));
        });
    }

    @Test
    void keepsSnapshotPropertiesItDoesNotKnowSoRequestsStaySelfContained() {
        ObjectNode example =
                (ObjectNode) json.readTree(ContractSchemas.examples(CHANGES).get("published.json"));
        ((ObjectNode) example.get("session")).put("room", "Hemicycle");
        example.put("producedBy", "a newer catalogue");

        SessionChange change = json.readValue(json.writeValueAsString(example), SessionChange.class);
        String request = json.writeValueAsString(NotificationRequested.of(change, plock()));

        assertThat(json.readTree(request).at("/change/session/room").stringValue())
                .isEqualTo("Hemicycle");
    }

    @Test
    void refusesAChangeItCannotMatch() {
        ObjectNode example =
                (ObjectNode) json.readTree(ContractSchemas.examples(CHANGES).get("published.json"));
        ((ObjectNode) example.get("session")).remove("id");
        assertThatThrownBy(() -> json.readValue(json.writeValueAsString(example), SessionChange.class))
                .hasMessageContaining("session.id is required");

        ((ObjectNode) example.get("session")).put("id", "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11");
        example.put("kind", "MOVED");
        assertThatThrownBy(() -> json.readValue(json.writeValueAsString(example), SessionChange.class))
                .hasMessageContaining("MOVED");

        assertThatThrownBy(() ->
                        json.readValue("{\"changeId\": \"7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e\"}", SessionChange.class))
                .hasMessageContaining("required");
    }

    private static AffectedMunicipality plock() {
        return new AffectedMunicipality(
                new Recipient(
                        UUID.fromString("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b"),
                        "Miasto Płock",
                        "PL",
                        "pl",
                        "Europe/Warsaw",
                        new Recipient.Preferences(
                                "IMMEDIATE",
                                new Recipient.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)),
                                "07:30")),
                List.of(
                        Destination.email(
                                UUID.fromString("9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a"),
                                "powiadomienia@plock.example",
                                "http://localhost:8082/unsubscribe/eyJlIjoiOWQ4YzdiNmEifQ.c2lnbmF0dXJl"),
                        new Destination(
                                UUID.fromString("0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"),
                                "WEB_PUSH",
                                null,
                                new Destination.WebPush(
                                        "https://fcm.googleapis.com/fcm/send/dGVzdA",
                                        "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
                                        "tBHItJI5svbpez7KI4CCXg"),
                                null,
                                "http://localhost:8082/unsubscribe/eyJlIjoiMGM5YThiN2QifQ.c2lnbmF0dXJl"),
                        new Destination(
                                UUID.fromString("1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a"),
                                "WEBHOOK",
                                null,
                                null,
                                new Destination.Webhook("https://plock.example/herald/webhook", 2),
                                null)),
                List.of("PT24H", "PT1H"));
    }
}
