package eu.herald.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.testsupport.TestIssuer;
import eu.herald.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of the integration tests (kept identical so it is cached): the whole catalogue
 * against a real PostgreSQL and an embedded Kafka broker, with the demo seed loaded.
 */
@SpringBootTest(
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            // the operator of most tests writes without limit; the default is small to test it quickly
            "herald.security.write-limits.per-client.requests=5",
            "herald.security.write-limits.per-client.per=1h",
            "herald.security.write-limits.clients.test-operator.requests=1000000",
            "herald.security.write-limits.clients.test-operator.per=1s"
        })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@EmbeddedKafka(partitions = 3)
public abstract class CatalogueIntegrationTest {

    protected static final MediaType MERGE_PATCH = MediaType.valueOf("application/merge-patch+json");
    protected static final String SESSION_CHANGES = "catalogue.session-changes.v1";
    protected static final String THEMES = "catalogue.themes.v1";
    protected static final String SEEDED_SESSION = "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11";
    protected static final String SEEDED_EVENT = "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40";
    protected static final TestIssuer ISSUER = TestIssuer.shared();
    /** The client of the operators' tests. */
    protected static final String OPERATOR_CLIENT = "test-operator";
    /** The Authorization header of an operator: a real RS256 token with {@code catalogue:write}. */
    protected static final String OPERATOR = "Bearer " + ISSUER.token(OPERATOR_CLIENT, "catalogue:write");

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected JsonMapper json;

    private final List<Consumer<String, String>> consumers = new ArrayList<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("catalogue"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.datasource.password", TestPostgres::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    }

    /** A consumer of all partitions of the session changes, reading from the beginning. */
    protected Consumer<String, String> sessionChangesConsumer() {
        return consumer(SESSION_CHANGES);
    }

    /** A consumer of all partitions of a topic, reading from the beginning. */
    protected Consumer<String, String> consumer(String topic) {
        Map<String, Object> properties = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(
                        properties, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        // assigned rather than subscribed: no group rebalance to wait for, and the topic must already exist
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        consumers.add(consumer);
        return consumer;
    }

    /** Polls once, keeping the records with this key. */
    protected static List<ConsumerRecord<String, String>> poll(Consumer<String, String> consumer, String key) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (key.equals(record.key())) {
                records.add(record);
            }
        });
        return records;
    }

    /** Polls until {@code expected} records with this key arrived, and checks no more came along. */
    protected static List<ConsumerRecord<String, String>> awaitRecords(
            Consumer<String, String> consumer, String key, int expected) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            records.addAll(poll(consumer, key));
            assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
        });
        assertThat(records).hasSize(expected);
        return records;
    }

    protected static Map<String, String> headers(ConsumerRecord<String, String> record) {
        var headers = new HashMap<String, String>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    protected int count(String sql, Object... parameters) {
        return jdbc.sql(sql).params(parameters).query(Integer.class).single();
    }

    /** Creates a draft. */
    protected MvcTestResult post(String body) {
        return mvc.post()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    /** Creates a session and publishes it at once (version 1); returns its id. */
    protected String published(String body) {
        return idOf(mvc.post()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions?publish=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange());
    }

    protected MvcTestResult put(String id, String ifMatch, String body) {
        return mvc.put()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions/{id}", id)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    /** A PATCH of the session with a JSON merge patch. */
    protected MvcTestResult patch(String id, String ifMatch, String patch) {
        return mergePatch(mvc.patch(), "/api/sessions/{id}", id, ifMatch, patch);
    }

    /** What the same PATCH would do, previewed. */
    protected MvcTestResult preview(String id, String ifMatch, String patch) {
        return mergePatch(mvc.post(), "/api/sessions/{id}/preview", id, ifMatch, patch);
    }

    private static MvcTestResult mergePatch(
            MockMvcTester.MockMvcRequestBuilder request, String uri, String id, String ifMatch, String patch) {
        return request.header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri(uri, id)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MERGE_PATCH)
                .content(patch)
                .exchange();
    }

    protected MvcTestResult publish(String id, String ifMatch) {
        return mvc.post()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions/{id}/publish", id)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .exchange();
    }

    protected MvcTestResult cancel(String id, String ifMatch, String reason) {
        return mvc.post()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions/{id}/cancel", id)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", reason)))
                .exchange();
    }

    protected String idOf(MvcTestResult result) {
        assertThat(result).hasStatus(201);
        return json.readTree(result.getResponse().getContentAsByteArray())
                .get("id")
                .asString();
    }

    @AfterEach
    void closeConsumers() {
        consumers.forEach(Consumer::close);
        consumers.clear();
    }
}
