package eu.herald.notifications.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.testsupport.DeadLetterTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * A topic of twelve partitions whose dead-letter topic has three, as a cluster's operators may well create them: a
 * record from partition 7 must still reach the dead letters (a copy into "the same partition" would fail, and the
 * record would be retried for ever), under its key, and counted.
 */
@EmbeddedKafka(partitions = 1)
class DeadLetterPartitionsIntegrationTests {

    @Test
    void aRecordFromAnyPartitionReachesADeadLetterTopicWithFewerPartitions(EmbeddedKafkaBroker kafka) throws Exception {
        var registry = new SimpleMeterRegistry();
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(kafka), new StringSerializer(), new ByteArraySerializer()));
        DeadLetterTopics.assertRecoveredFromAPartitionTheDeadLettersLack(
                kafka.getBrokersAsString(),
                "requests",
                MessagingConfiguration.deadLetterRecoverer(template, registry, "requests")::accept);
        assertThat(registry.get("herald.dead.letters")
                        .tag("topic", "requests-dlt")
                        .counter()
                        .count())
                .isEqualTo(1);
        template.destroy();
    }
}
