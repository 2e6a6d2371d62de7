package eu.herald.catalogue;

import eu.herald.testsupport.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The one Spring context of the integration tests (kept identical so it is cached): the whole catalogue
 * against a real PostgreSQL and an embedded Kafka broker, with the demo seed loaded.
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@EmbeddedKafka(partitions = 3)
public abstract class CatalogueIntegrationTest {

    protected static final String SESSION_CHANGES = "catalogue.session-changes.v1";

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    private final List<Consumer<String, String>> consumers = new ArrayList<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("catalogue"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.datasource.password", TestPostgres::password);
    }

    /** A consumer of all partitions of the session changes, reading from the beginning. */
    protected Consumer<String, String> sessionChangesConsumer() {
        Map<String, Object> properties = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(
                        properties, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        // assigned rather than subscribed: no group rebalance to wait for, and the topic must already exist
        List<TopicPartition> partitions = consumer.partitionsFor(SESSION_CHANGES).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        consumers.add(consumer);
        return consumer;
    }

    /** Polls once, keeping the records of one session. */
    protected static List<ConsumerRecord<String, String>> poll(Consumer<String, String> consumer, String sessionId) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (sessionId.equals(record.key())) {
                records.add(record);
            }
        });
        return records;
    }

    protected int count(String sql, Object... parameters) {
        return jdbc.sql(sql).params(parameters).query(Integer.class).single();
    }

    @AfterEach
    void closeConsumers() {
        consumers.forEach(Consumer::close);
        consumers.clear();
    }
}
