package eu.herald.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.messaging.DeadLetters;
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
 * The matcher's and the outcomes' dead letters take a record from a partition their {@code -dlt} does not have, and
 * count it.
 */
@EmbeddedKafka(partitions = 1)
class DeadLettersIntegrationTests {

    @Test
    void aRecordFromAnyPartitionReachesADeadLetterTopicWithFewerPartitions(EmbeddedKafkaBroker kafka) throws Exception {
        var registry = new SimpleMeterRegistry();
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(kafka), new StringSerializer(), new ByteArraySerializer()));
        DeadLetterTopics.assertRecoveredFromAPartitionTheDeadLettersLack(
                kafka.getBrokersAsString(), "session-changes", DeadLetters.recoverer(template, registry)::accept);
        assertThat(registry.get("herald.dead.letters")
                        .tag("topic", "session-changes-dlt")
                        .counter()
                        .count())
                .isEqualTo(1);
        template.destroy();
    }
}
