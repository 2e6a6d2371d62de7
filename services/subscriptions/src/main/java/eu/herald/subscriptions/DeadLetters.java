package eu.herald.subscriptions;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where this service's listeners put a record they give up on: {@code <topic>-dlt}, under the record's key, in the
 * partition the key hashes to there rather than in its own partition number. A dead-letter topic with fewer partitions
 * than its topic (a cluster's topics are the operators', not this service's) still takes a record from any
 * partition, and the records of one key stay in order.
 */
public final class DeadLetters {

    /** As in {@code k8s/base/topics.yaml}: dead letters are rare, and the key, not the partition, places them. */
    static final int PARTITIONS = 3;

    private DeadLetters() {}

    /** The dead-letter topic of a topic this service consumes, which the consumer declares. */
    public static NewTopic topicOf(String topic, SubscriptionsProperties.Topics settings) {
        return TopicBuilder.name(topic + "-dlt")
                .partitions(PARTITIONS)
                .replicas(settings.replicas())
                .build();
    }

    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template) {
        return new DeadLetterPublishingRecoverer(
                template, (record, failure) -> new TopicPartition(record.topic() + "-dlt", -1));
    }
}
