package eu.herald.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Checks a service's dead-lettering against a real broker as a cluster's operators may lay out the topics: a topic
 * with more partitions than its {@code -dlt}. A record from a partition the dead-letter topic does not have must
 * still arrive there.
 */
public final class DeadLetterTopics {

    private DeadLetterTopics() {}

    /**
     * Creates {@code topic} with twelve partitions and {@code topic-dlt} with three, hands the recoverer a record of
     * partition 7 that failed, and fails unless it arrives in the dead-letter topic with its key and value.
     */
    public static void assertRecoveredFromAPartitionTheDeadLettersLack(
            String bootstrapServers, String topic, BiConsumer<ConsumerRecord<String, byte[]>, Exception> recoverer)
            throws Exception {
        String deadLetters = topic + "-dlt";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1), new NewTopic(deadLetters, 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);
        recoverer.accept(new ConsumerRecord<>(topic, 7, 42L, "key-7", value), new IllegalStateException("unreadable"));
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(consumer.partitionsFor(deadLetters).stream()
                    .map(partition -> new TopicPartition(deadLetters, partition.partition()))
                    .toList());
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!"key-7".equals(record.key()) || !Arrays.equals(value, record.value())) {
                        throw new AssertionError("another record in " + deadLetters + ": " + record);
                    }
                    return;
                }
            }
        }
        throw new AssertionError("nothing arrived in " + deadLetters + " within 30 s");
    }
}
