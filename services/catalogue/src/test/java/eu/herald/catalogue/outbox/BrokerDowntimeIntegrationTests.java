package eu.herald.catalogue.outbox;

import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.testsupport.KafkaBroker;
import eu.herald.testsupport.TestIssuer;
import eu.herald.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real broker process that is stopped and started again: writes go on while it is away, and
 * when it is back every pending change arrives, in order, once. A context of its own (a database and a
 * broker of its own), closed afterwards.
 */
@SpringBootTest(
        properties = {
            "spring.kafka.producer.properties.max.block.ms=2000",
            "spring.kafka.producer.properties.request.timeout.ms=3000",
            "spring.kafka.producer.properties.delivery.timeout.ms=6000",
            "herald.catalogue.outbox.acknowledgement-timeout=10s"
        })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrokerDowntimeIntegrationTests {

    private static final String TOPIC = "catalogue.session-changes.v1";
    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String OPERATOR = "Bearer " + ISSUER.token("test-operator", "catalogue:write");
    private static KafkaBroker broker;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        broker = KafkaBroker.builder(Files.createTempDirectory("catalogue-broker-downtime"))
                .maxHeap("256m")
                .build()
                .start();
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("catalogue_broker_downtime"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.datasource.password", TestPostgres::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void keepsWritingWhileTheBrokerIsDownAndSendsEveryPendingChangeInOrderOnceItIsBack() {
        String id = publishedSession();
        await().atMost(Duration.ofSeconds(60)).until(() -> pending(id) == 0);

        broker.stop();
        int version = 1;
        for (String start : List.of("17:00", "17:30", "18:00", "18:15")) {
            MvcTestResult revised = mvc.put()
                    .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                    .uri("/api/sessions/{id}", id)
                    .header(HttpHeaders.IF_MATCH, "\"" + version++ + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(networking("2022-10-11T" + start, "2022-10-11T19:00", "Zoom", ""))
                    .exchange();
            assertThat(revised).hasStatusOk();
        }
        MvcTestResult cancelled = mvc.post()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions/{id}/cancel", id)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"The broker was down, the session too\"}")
                .exchange();
        assertThat(cancelled).hasStatusOk();
        assertThat(pending(id)).isEqualTo(5);

        broker.start();

        await().atMost(Duration.ofSeconds(120)).until(() -> pending(id) == 0);
        List<ConsumerRecord<String, String>> records = everyRecordOf(id, 6);
        List<Integer> versions = records.stream()
                .map(record ->
                        json.readTree(record.value()).at("/session/version").asInt())
                .toList();
        assertThat(versions).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(records.stream().map(record -> header(record, "ce_id")).distinct())
                .hasSize(6);
        assertThat(records.stream()
                        .map(record -> json.readTree(record.value()).get("kind").asString()))
                .containsExactly("PUBLISHED", "RESCHEDULED", "RESCHEDULED", "RESCHEDULED", "RESCHEDULED", "CANCELLED");
    }

    private String publishedSession() {
        MvcTestResult created = mvc.post()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/sessions?publish=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(networking())
                .exchange();
        assertThat(created).hasStatus(201);
        JsonNode session = json.readTree(created.getResponse().getContentAsByteArray());
        return session.get("id").asString();
    }

    private int pending(String id) {
        return jdbc.sql("select count(*) from outbox where message_key = ? and published_at is null")
                .param(id)
                .query(Integer.class)
                .single();
    }

    /** Reads the whole topic until {@code expected} records of the session arrived, then a little longer for extras. */
    private static List<ConsumerRecord<String, String>> everyRecordOf(String id, int expected) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (id.equals(record.key())) {
                        records.add(record);
                    }
                });
                return records.size() >= expected
                        && Set.copyOf(partitions).stream()
                                .allMatch(partition -> consumer.position(partition)
                                        >= consumer.endOffsets(List.of(partition))
                                                .get(partition));
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
