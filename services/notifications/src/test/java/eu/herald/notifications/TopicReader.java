package eu.herald.notifications;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a whole topic from the beginning, without a consumer group, keeping what it has read. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

    public TopicReader(String brokers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        AtomicReference<List<TopicPartition>> partitions = new AtomicReference<>();
        Awaitility.await().pollInSameThread().until(() -> {
            partitions.set(consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList());
            return !partitions.get().isEmpty();
        });
        consumer.assign(partitions.get());
        consumer.seekToBeginning(partitions.get());
    }

    /** Waits until the records read so far include as many matching ones as expected, and returns them. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
        AtomicReference<List<ConsumerRecord<String, byte[]>>> found = new AtomicReference<>();
        Awaitility.await().pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            found.set(read.stream().filter(matching).toList());
            return found.get().size() >= count;
        });
        return found.get();
    }

    /** Everything read so far that matches, after reading what is there now. */
    public List<ConsumerRecord<String, byte[]>> readNow(Predicate<ConsumerRecord<String, byte[]>> matching) {
        consumer.poll(Duration.ofMillis(500)).forEach(read::add);
        return read.stream().filter(matching).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
