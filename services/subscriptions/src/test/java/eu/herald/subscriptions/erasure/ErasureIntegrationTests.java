package eu.herald.subscriptions.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.history.DeliveryHistory;
import eu.herald.subscriptions.history.DeliveryOutcome;
import eu.herald.testsupport.ContractSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * Erasure (GDPR) against the real database and broker: the rows are gone in every table, the erasure is on
 * {@code subscriptions.erasures.v1} as the contract says, and nothing of other endpoints or tenants is touched.
 */
class ErasureIntegrationTests extends IntegrationTest {

    private static final String TOPIC = "subscriptions.erasures.v1";

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private DeliveryHistory history;

    private Consumer<String, String> erasures;

    @BeforeEach
    void readErasures() {
        Map<String, Object> properties = KafkaTestUtils.consumerProps(broker, "erasures-" + UUID.randomUUID(), false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        erasures = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        List<TopicPartition> partitions = erasures.partitionsFor(TOPIC).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
        erasures.assign(partitions);
        erasures.seekToBeginning(partitions);
    }

    @AfterEach
    void close() {
        erasures.close();
    }

    @Test
    void erasesTheMunicipalityEverywhereAndAnnouncesIt() throws Exception {
        UUID gone = registerMunicipality("Miasto Zapomniane");
        UUID email = registerEmail(gone, "urzad@zapomniane.example");
        UUID hook = webhook(gone, "https://hooks.zapomniane.example/herald");
        subscribe(gone, "THEME", unique("erased-theme"));
        delivered(gone, email, Instant.now());
        UUID kept = registerMunicipality("Miasto Pamiętane");
        UUID keptEndpoint = registerEmail(kept, "urzad@pamietane.example");
        subscribe(kept, "THEME", unique("kept-theme"));
        delivered(kept, keptEndpoint, Instant.now());

        mvc.perform(delete("/api/municipalities/" + gone)).andExpect(status().isNoContent());

        assertThat(rowsOf(gone)).isZero();
        assertThat(rowsOf(kept)).isEqualTo(4);
        mvc.perform(get("/api/municipalities/" + gone)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/municipalities/" + gone)).andExpect(status().isNotFound());
        ConsumerRecord<String, String> record = erasureOf(gone);
        ContractSchemas.assertConforms(TOPIC, record.value());
        JsonNode erased = json.readTree(record.value());
        assertThat(erased.propertyNames())
                .containsExactlyInAnyOrder("erasureId", "scope", "municipalityId", "endpointIds", "erasedAt");
        assertThat(erased.get("scope").stringValue()).isEqualTo("MUNICIPALITY");
        assertThat(erased.get("municipalityId").stringValue()).isEqualTo(gone.toString());
        assertThat(erased.get("endpointIds").valueStream().map(JsonNode::stringValue))
                .containsExactlyInAnyOrder(email.toString(), hook.toString());
        Map<String, String> headers = headers(record);
        assertThat(headers)
                .containsEntry("ce_type", "eu.herald.municipality.erased.v1")
                .containsEntry("ce_id", erased.get("erasureId").stringValue())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "/herald/subscriptions")
                .containsEntry("ce_subject", gone.toString())
                .containsEntry("content-type", "application/json")
                .containsKey("ce_time");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from erasure_outbox where municipality_id = ?")
                                .params(gone)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void erasesOneEndpointWithItsHistoryAndLeavesTheOthers() throws Exception {
        UUID municipality = registerMunicipality("Miasto Jeden Adres");
        UUID erased = registerEmail(municipality, "stary@jeden.example");
        UUID kept = registerEmail(municipality, "nowy@jeden.example");
        UUID both = subscribe(municipality, "THEME", unique("endpoint-theme"));
        mvc.perform(put("/api/municipalities/" + municipality + "/subscriptions/" + both)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"endpointIds\": [\"" + erased + "\", \"" + kept + "\"]}"))
                .andExpect(status().isOk());
        jdbc.sql("update subscription set muted_endpoint_ids = array[?::uuid] where id = ?")
                .params(erased, both)
                .update();
        delivered(municipality, erased, Instant.now());
        delivered(municipality, kept, Instant.now());

        mvc.perform(delete("/api/municipalities/" + municipality + "/endpoints/" + erased))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints/" + erased))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints/" + kept))
                .andExpect(status().isOk());
        assertThat(count("select count(*) from delivery where endpoint_id = ?", erased))
                .isZero();
        assertThat(count("select count(*) from delivery where endpoint_id = ?", kept))
                .isOne();
        assertThat(jdbc.sql(
                                "select array_to_string(endpoint_ids, ',') || '|' || array_to_string(muted_endpoint_ids, ',')"
                                        + " from subscription where id = ?")
                        .params(both)
                        .query(String.class)
                        .single())
                .isEqualTo(kept + "|");
        ConsumerRecord<String, String> record = erasureOf(municipality);
        ContractSchemas.assertConforms(TOPIC, record.value());
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("scope").stringValue()).isEqualTo("ENDPOINT");
        assertThat(event.get("endpointIds").valueStream().map(JsonNode::stringValue))
                .containsExactly(erased.toString());
        assertThat(headers(record)).containsEntry("ce_type", "eu.herald.endpoint.erased.v1");
    }

    @Test
    void keepsNoOutcomeOfAnEndpointErasedWhileItsDeliveryWasInFlight() throws Exception {
        UUID municipality = registerMunicipality("Miasto W Locie");
        UUID endpoint = registerEmail(municipality, "urzad@wlocie.example");
        mvc.perform(delete("/api/municipalities/" + municipality + "/endpoints/" + endpoint))
                .andExpect(status().isNoContent());

        history.record(List.of(new DeliveryOutcome(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                municipality,
                endpoint,
                "EMAIL",
                "SENT",
                null,
                false,
                1,
                Instant.now(),
                Instant.now(),
                Instant.now(),
                null,
                null,
                null,
                null,
                null)));

        assertThat(count("select count(*) from delivery where endpoint_id = ?", endpoint))
                .isZero();
    }

    @Test
    void erasesNothingOfAnotherTenantsEndpointNamedUnderTheOwnPath() throws Exception {
        UUID own = registerMunicipality("Miasto Własne Usuwanie");
        UUID other = registerMunicipality("Miasto Cudze Usuwanie");
        UUID theirs = registerEmail(other, "urzad@cudze-usuwanie.example");

        mvc.perform(delete("/api/municipalities/" + own + "/endpoints/" + theirs))
                .andExpect(status().isNotFound());

        assertThat(count("select count(*) from endpoint where id = ?", theirs)).isOne();
        assertThat(count("select count(*) from erasure_outbox where municipality_id in (?, ?)", own, other))
                .isZero();
    }

    private UUID webhook(UUID municipality, String url) throws Exception {
        return id(postJson(
                "/api/municipalities/" + municipality + "/endpoints", Map.of("channel", "WEBHOOK", "url", url)));
    }

    /** Rows about the municipality in every table that holds a tenant's data. */
    private long rowsOf(UUID municipality) {
        long rows = count("select count(*) from municipality where id = ?", municipality);
        for (String table : List.of("endpoint", "subscription", "delivery")) {
            rows += count("select count(*) from " + table + " where municipality_id = ?", municipality);
        }
        return rows;
    }

    private long count(String sql, Object... parameters) {
        return jdbc.sql(sql).params(parameters).query(Long.class).single();
    }

    /** The one erasure of the municipality on the topic (key = municipality id). */
    private ConsumerRecord<String, String> erasureOf(UUID municipality) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            erasures.poll(Duration.ofMillis(200)).forEach(record -> {
                if (municipality.toString().equals(record.key())) {
                    found.add(record);
                }
            });
            assertThat(found).isNotEmpty();
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
