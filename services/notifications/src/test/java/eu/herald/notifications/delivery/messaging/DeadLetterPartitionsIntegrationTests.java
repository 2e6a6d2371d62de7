package eu.herald.notifications.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * A topic of twelve partitions whose dead-letter topic has three, as a cluster's operators may well create them: a
 * record from partition 7 must still reach the dead letters (a copy into "the same partition" would fail, and the
 * record would be retried for ever), under its key.
 */
@EmbeddedKafka(partitions = 1)
class DeadLetterPartitionsIntegrationTests {

    @Test
    void aRecordFromAnyPartitionReachesADeadLetterTopicWithFewerPartitions(EmbeddedKafkaBroker kafka) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            admin.createTopics(List.of(
                            new NewTopic("requests", 12, (short) 1), new NewTopic("requests-dlt", 3, (short) 1)))
                    .all()
                    .get();
        }
        var template = new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(kafka),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()));
        byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);

        MessagingConfiguration.deadLetterRecoverer(template)
                .accept(
                        new ConsumerRecord<>("requests", 7, 42L, "municipality-7", value),
                        new IllegalStateException("unreadable"));

        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-readers",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("requests-dlt"));
            ConsumerRecords<String, byte[]> dead = KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(30), 1);
            assertThat(dead.count()).isEqualTo(1);
            ConsumerRecord<String, byte[]> record = dead.iterator().next();
            assertThat(record.key()).isEqualTo("municipality-7");
            assertThat(record.value()).isEqualTo(value);
            assertThat(record.partition()).isBetween(0, 2);
        }
        template.destroy();
    }
}
