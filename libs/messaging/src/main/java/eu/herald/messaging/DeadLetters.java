package eu.herald.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where a service's listeners put a record they give up on: {@code <topic>-dlt}, under the record's key, in the
 * partition the key hashes to there rather than in its own partition number. A dead-letter topic with fewer partitions
 * than its topic (a cluster's topics are the operators', not the services') still takes a record from any partition,
 * and the records of one key stay in order.
 *
 * <p>Each dead letter counts in {@code herald.dead.letters}, tagged with the dead-letter topic: nobody reads those
 * topics until an alert says there is something to read.
 */
public final class DeadLetters {

    /** As in {@code k8s/base/topics.yaml}: dead letters are rare, and the key, not the partition, places them. */
    static final int PARTITIONS = 3;

    private DeadLetters() {}

    /** The dead-letter topic of a topic a service consumes, as the consumer declares it for local runs and tests. */
    public static NewTopic topicOf(String topic, int replicas) {
        return TopicBuilder.name(topic + "-dlt")
                .partitions(PARTITIONS)
                .replicas(replicas)
                .build();
    }

    /**
     * The recoverer of a service's listeners; {@code consumedTopics} are the topics they read, whose dead-letter
     * counters start at 0: Prometheus' {@code increase()} sees a counter's first dead letter only if the series
     * existed before it.
     */
    public static DeadLetterPublishingRecoverer recoverer(
            KafkaOperations<?, ?> template, MeterRegistry registry, String... consumedTopics) {
        for (String topic : consumedTopics) {
            counter(registry, topic + "-dlt");
        }
        return new DeadLetterPublishingRecoverer(
                template, (record, failure) -> new TopicPartition(record.topic() + "-dlt", -1)) {
            @Override
            protected void publish(
                    ProducerRecord<Object, Object> deadLetter,
                    KafkaOperations<Object, Object> kafka,
                    ConsumerRecord<?, ?> original) {
                super.publish(deadLetter, kafka, original);
                counter(registry, deadLetter.topic()).increment();
            }
        };
    }

    private static Counter counter(MeterRegistry registry, String deadLetterTopic) {
        return Counter.builder("herald.dead.letters")
                .description("Records given up on and published to a dead-letter topic")
                .tag("topic", deadLetterTopic)
                .register(registry);
    }
}
