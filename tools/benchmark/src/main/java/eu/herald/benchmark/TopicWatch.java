package eu.herald.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a topic from its current end, as a read-committed consumer outside every service's group
 * (it takes nothing from them), handing each record to a handler on its own thread.
 */
final class TopicWatch implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean closed;

    private TopicWatch(KafkaConsumer<String, byte[]> consumer, Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.consumer = consumer;
        this.thread = new Thread(() -> poll(handler), "watch");
        thread.setDaemon(true);
    }

    /** Starts following the topic; returns once the end positions are fixed, so nothing produced later is missed. */
    static TopicWatch fromEnd(String bootstrap, String topic, Consumer<ConsumerRecord<String, byte[]>> handler) {
        return fromEnd(bootstrap, topic, handler, true);
    }

    /**
     * As {@link #fromEnd(String, String, Consumer)}; with {@code committedOnly} false it also sees the records of
     * transactions still open (and of those that will abort), as they are written.
     */
    static TopicWatch fromEnd(
            String bootstrap, String topic, Consumer<ConsumerRecord<String, byte[]>> handler, boolean committedOnly) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                committedOnly ? "read_committed" : "read_uncommitted",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // position() resolves the end offsets now, before anything is changed
        partitions.forEach(consumer::position);
        TopicWatch watch = new TopicWatch(consumer, handler);
        watch.thread.start();
        return watch;
    }

    private void poll(Consumer<ConsumerRecord<String, byte[]>> handler) {
        try {
            while (!closed) {
                consumer.poll(Duration.ofMillis(50)).forEach(handler);
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            // closed
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
