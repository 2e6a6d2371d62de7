package eu.herald.subscriptions.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.testsupport.ContractSchemas;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.node.ObjectNode;

/**
 * Outcomes of deliveries that wait (quiet hours, the daily digest), are superseded, or remind: recorded from the real
 * topic and shown in the history with when and why, the latest of each delivery winning by attempts, then time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeldDeliveriesIntegrationTests extends IntegrationTest {

    private static final String OUTCOMES = "notifications.delivery-outcomes.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    private KafkaProducer<String, String> producer;
    private UUID municipality;
    private UUID endpoint;

    @BeforeAll
    void connect() {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new StringSerializer());
    }

    @AfterAll
    void disconnect() {
        producer.close();
    }

    @BeforeEach
    void municipalityWithAnEndpoint() throws Exception {
        municipality = registerMunicipality(unique("Miasto Cierpliwe"));
        endpoint = registerEmail(municipality, unique("urzad") + "@cierpliwe.example");
    }

    @Test
    void showsADeliveryHeldForQuietHoursThenSentAndIgnoresTheHoldReportedLate() throws Exception {
        UUID delivery = UUID.randomUUID();
        publish("scheduled-quiet-hours.json", delivery, Map.of());
        awaitDelivery()
                .andExpect(jsonPath("$.items[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$.items[0].reason").value("QUIET_HOURS"))
                .andExpect(jsonPath("$.items[0].attempts").value(0))
                .andExpect(jsonPath("$.items[0].kind").value("CHANGE"))
                .andExpect(jsonPath("$.items[0].notBefore").value("2022-10-05T05:00:00Z"));

        publish("sent.json", delivery, Map.of("occurredAt", "2022-10-05T05:00:01.200Z"));
        // the same hold again, redelivered, and from an instance whose clock runs ahead: attempts decide
        publish("scheduled-quiet-hours.json", delivery, Map.of());
        publish("scheduled-quiet-hours.json", delivery, Map.of("occurredAt", "2022-10-05T05:00:09Z"));
        UUID marker = UUID.randomUUID();
        publish("retrying.json", marker, Map.of());

        awaitDeliveries(2);
        mvc.perform(get(history()))
                .andExpect(jsonPath("$.items[?(@.deliveryId == '" + delivery + "')].status")
                        .value("SENT"))
                .andExpect(jsonPath("$.items[?(@.deliveryId == '" + delivery + "')].attempts")
                        .value(1))
                .andExpect(jsonPath("$.items[?(@.deliveryId == '" + delivery + "')].notBefore")
                        .value("2022-10-05T05:00:00Z"));
    }

    @Test
    void showsAHeldDeliveryThatANewerVersionSuperseded() throws Exception {
        UUID delivery = UUID.randomUUID();
        publish("scheduled-quiet-hours.json", delivery, Map.of());
        publish("superseded.json", delivery, Map.of());
        // the hold once more, late: of two outcomes without an attempt, the later one stays
        publish("scheduled-quiet-hours.json", delivery, Map.of());
        UUID marker = UUID.randomUUID();
        publish("retrying.json", marker, Map.of());

        awaitDeliveries(2);
        mvc.perform(get(history()))
                .andExpect(jsonPath("$.items[?(@.deliveryId == '" + delivery + "')].status")
                        .value("SUPERSEDED"))
                .andExpect(jsonPath("$.items[?(@.deliveryId == '" + delivery + "')].reason")
                        .value("by version 3"))
                .andExpect(jsonPath("$.items[?(@.deliveryId == '" + delivery + "')].attempts")
                        .value(0))
                .andExpect(jsonPath("$.items[?(@.deliveryId == '" + delivery + "')].notBefore")
                        .value("2022-10-05T05:00:00Z"));
    }

    @Test
    void showsTheDigestADeliveryGoesOutIn() throws Exception {
        publish("scheduled-digest.json", UUID.randomUUID(), Map.of());

        awaitDelivery()
                .andExpect(jsonPath("$.items[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$.items[0].reason").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.items[0].kind").value("CHANGE"))
                .andExpect(jsonPath("$.items[0].digestAt").value("2022-10-08T06:00:00Z"));
    }

    @Test
    void showsAReminderWithItsLeadTime() throws Exception {
        publish("reminder-sent.json", UUID.randomUUID(), Map.of());

        awaitDelivery()
                .andExpect(jsonPath("$.items[0].status").value("SENT"))
                .andExpect(jsonPath("$.items[0].kind").value("REMINDER"))
                .andExpect(jsonPath("$.items[0].lead").value("PT1H"))
                .andExpect(jsonPath("$.items[0].notBefore").value("2022-10-11T14:00:00Z"));
    }

    @Test
    void takesAnOutcomeThatNamesNoKindForAChange() throws Exception {
        publish("sent.json", UUID.randomUUID(), Map.of());

        awaitDelivery()
                .andExpect(jsonPath("$.items[0].kind").value("CHANGE"))
                .andExpect(jsonPath("$.items[0].lead").isEmpty())
                .andExpect(jsonPath("$.items[0].notBefore").isEmpty());
    }

    private ResultActions awaitDelivery() throws Exception {
        awaitDeliveries(1);
        return mvc.perform(get(history()));
    }

    private void awaitDeliveries(int count) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get(history()))
                        .andExpect(jsonPath("$.total").value(count)));
    }

    private String history() {
        return "/api/municipalities/" + municipality + "/deliveries";
    }

    /** The contract's example as an outcome of this delivery to the test's endpoint, some fields replaced. */
    private void publish(String example, UUID delivery, Map<String, String> replaced) throws Exception {
        ObjectNode outcome =
                (ObjectNode) json.readTree(ContractSchemas.examples(OUTCOMES).get(example));
        outcome.put("outcomeId", UUID.randomUUID().toString());
        outcome.put("deliveryId", delivery.toString());
        outcome.put("municipalityId", municipality.toString());
        outcome.put("endpointId", endpoint.toString());
        replaced.forEach(outcome::put);
        String value = json.writeValueAsString(outcome);
        ContractSchemas.assertConforms(OUTCOMES, value);
        var headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", outcome.get("outcomeId").stringValue().getBytes(UTF_8));
        headers.add(
                "ce_type",
                ("eu.herald.delivery." + outcome.get("status").stringValue().toLowerCase() + ".v1").getBytes(UTF_8));
        headers.add("ce_source", "/herald/notifications".getBytes(UTF_8));
        headers.add("ce_subject", municipality.toString().getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        producer.send(new ProducerRecord<>(OUTCOMES, null, municipality.toString(), value, headers))
                .get();
    }
}
