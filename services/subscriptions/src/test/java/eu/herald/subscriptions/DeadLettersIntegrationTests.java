package eu.herald.subscriptions;

import eu.herald.testsupport.DeadLetterTopics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** The matcher's and the outcomes' dead letters take a record from a partition their {@code -dlt} does not have. */
@EmbeddedKafka(partitions = 1)
class DeadLettersIntegrationTests {

    @Test
    void aRecordFromAnyPartitionReachesADeadLetterTopicWithFewerPartitions(EmbeddedKafkaBroker kafka) throws Exception {
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(kafka), new StringSerializer(), new ByteArraySerializer()));
        DeadLetterTopics.assertRecoveredFromAPartitionTheDeadLettersLack(
                kafka.getBrokersAsString(), "session-changes", DeadLetters.recoverer(template)::accept);
        template.destroy();
    }
}
