package eu.herald.subscriptions.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.testsupport.ContractSchemas;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.node.ObjectNode;

/** The two topics the service consumes besides session changes: the catalogue's taxonomy and delivery outcomes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxonomyAndOutcomesIntegrationTests extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    private KafkaProducer<String, String> producer;

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

    @Test
    void acceptsAThemeOnceTheCataloguePublishesItAndRefusesItOnceRetired() throws Exception {
        String slug = unique("circular-economy");
        UUID municipality = registerMunicipality("Miasto Taksonomia");
        String path = "/api/municipalities/" + municipality + "/subscriptions";
        String body = "{\"selector\": {\"type\": \"THEME\", \"value\": \"" + slug + "\"}}";
        subscribe(path, body).andExpect(status().isBadRequest());

        publishTheme(slug, false);
        await().atMost(PATIENCE).untilAsserted(() -> subscribe(path, body).andExpect(status().isCreated()));

        publishTheme(slug, true);
        UUID other = registerMunicipality("Miasto Później");
        String otherPath = "/api/municipalities/" + other + "/subscriptions";
        await().atMost(PATIENCE)
                .untilAsserted(() -> subscribe(otherPath, body)
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].message").value("is a retired theme of the catalogue")));
    }

    @Test
    void disablesAnEndpointTheReceiverSaysIsGoneAndListsTheDeliveries() throws Exception {
        UUID municipality = registerMunicipality("Miasto Historia");
        UUID gone = registerEmail(municipality, "dawny@historia.example");
        UUID kept = registerEmail(municipality, "urzad@historia.example");
        UUID change = UUID.randomUUID();

        publishOutcome(municipality, kept, change, "SENT", false, null, "2022-10-05T09:12:45Z");
        publishOutcome(municipality, gone, change, "RETRYING", false, "451 try later", "2022-10-05T09:12:45Z");
        publishOutcome(municipality, gone, change, "FAILED", true, "550 5.1.1 mailbox unknown", "2022-10-05T09:13:00Z");

        String endpoints = "/api/municipalities/" + municipality + "/endpoints/";
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get(endpoints + gone))
                        .andExpect(jsonPath("$.status").value("DISABLED"))
                        .andExpect(jsonPath("$.statusReason").value("gone: 550 5.1.1 mailbox unknown")));
        mvc.perform(get(endpoints + kept)).andExpect(jsonPath("$.status").value("ACTIVE"));

        String deliveries = "/api/municipalities/" + municipality + "/deliveries";
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get(deliveries))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.total").value(2))
                        .andExpect(jsonPath("$.items[0].endpointId").value(gone.toString()))
                        .andExpect(jsonPath("$.items[0].status").value("FAILED"))
                        .andExpect(jsonPath("$.items[0].attempts").value(2))
                        .andExpect(jsonPath("$.items[1].status").value("SENT")));
        mvc.perform(get(deliveries).param("page", "1").param("size", "1"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].endpointId").value(kept.toString()));
        mvc.perform(get(deliveries).param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void listsTheDeliveriesOfOneWebhookWithTheReceiversStatusCodes() throws Exception {
        UUID municipality = registerMunicipality("Miasto Kody");
        UUID hook = id(postJson(
                "/api/municipalities/" + municipality + "/endpoints",
                Map.of("channel", "WEBHOOK", "url", "https://hooks.kody.example/herald")));
        UUID email = registerEmail(municipality, "urzad@kody.example");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        publishOutcome(municipality, email, first, "SENT", false, null, "2022-10-05T09:12:45Z", null);
        publishOutcome(municipality, hook, first, "SENT", false, null, "2022-10-05T09:12:46Z", 204);
        publishOutcome(
                municipality,
                hook,
                second,
                "FAILED",
                true,
                "the receiver answered 410 Gone: the endpoint is disabled",
                "2022-10-06T10:00:00Z",
                410);

        String endpoint = "/api/municipalities/" + municipality + "/endpoints/" + hook;
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get(endpoint + "/deliveries"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.total").value(2))
                        .andExpect(jsonPath("$.items[0].changeId").value(second.toString()))
                        .andExpect(jsonPath("$.items[0].responseStatus").value(410))
                        .andExpect(jsonPath("$.items[0].endpointGone").value(true))
                        .andExpect(jsonPath("$.items[1].responseStatus").value(204)));
        mvc.perform(get(endpoint)).andExpect(jsonPath("$.status").value("DISABLED"));
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints/" + email + "/deliveries"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].responseStatus").doesNotExist());
        UUID otherTenant = registerMunicipality("Miasto Obce Kody");
        mvc.perform(get("/api/municipalities/" + otherTenant + "/endpoints/" + hook + "/deliveries"))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions subscribe(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void publishTheme(String slug, boolean retired) throws Exception {
        ObjectNode theme = (ObjectNode) json.readTree(ContractSchemas.examples("catalogue.themes.v1")
                .values()
                .iterator()
                .next());
        theme.put("slug", slug);
        theme.put("retired", retired);
        ContractSchemas.assertConforms("catalogue.themes.v1", json.writeValueAsString(theme));
        producer.send(new ProducerRecord<>(
                        "catalogue.themes.v1",
                        null,
                        slug,
                        json.writeValueAsString(theme),
                        headers("eu.herald.theme.updated.v1", "/herald/catalogue", slug)))
                .get();
    }

    private void publishOutcome(
            UUID municipality, UUID endpoint, UUID change, String status, boolean gone, String reason, String at)
            throws Exception {
        publishOutcome(municipality, endpoint, change, status, gone, reason, at, null);
    }

    private void publishOutcome(
            UUID municipality,
            UUID endpoint,
            UUID change,
            String status,
            boolean gone,
            String reason,
            String at,
            Integer responseStatus)
            throws Exception {
        ObjectNode outcome = (ObjectNode) json.readTree(
                ContractSchemas.examples("notifications.delivery-outcomes.v1").get("sent.json"));
        outcome.put("outcomeId", UUID.randomUUID().toString());
        outcome.put(
                "deliveryId",
                UUID.nameUUIDFromBytes((change + ":" + endpoint).getBytes(UTF_8))
                        .toString());
        outcome.put("changeId", change.toString());
        outcome.put("municipalityId", municipality.toString());
        outcome.put("endpointId", endpoint.toString());
        outcome.put("status", status);
        outcome.put("endpointGone", gone);
        outcome.put("reason", reason);
        outcome.put("attempts", status.equals("SENT") ? 1 : status.equals("RETRYING") ? 1 : 2);
        outcome.put("occurredAt", at);
        if (!status.equals("SENT")) {
            outcome.putNull("sentAt");
        }
        if (responseStatus != null) {
            outcome.put("channel", "WEBHOOK");
            outcome.put("responseStatus", responseStatus);
        }
        ContractSchemas.assertConforms("notifications.delivery-outcomes.v1", json.writeValueAsString(outcome));
        producer.send(new ProducerRecord<>(
                        "notifications.delivery-outcomes.v1",
                        null,
                        municipality.toString(),
                        json.writeValueAsString(outcome),
                        headers(
                                "eu.herald.delivery." + status.toLowerCase() + ".v1",
                                "/herald/notifications",
                                municipality.toString())))
                .get();
    }

    private static RecordHeaders headers(String type, String source, String subject) {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(UTF_8));
        headers.add("ce_type", type.getBytes(UTF_8));
        headers.add("ce_source", source.getBytes(UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(UTF_8));
        headers.add("ce_subject", subject.getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        return headers;
    }
}
