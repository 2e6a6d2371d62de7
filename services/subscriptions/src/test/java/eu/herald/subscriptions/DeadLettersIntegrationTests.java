package eu.herald.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.testsupport.DeadLetterTopics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);

        ConsumerRecord<String, byte[]> dead = DeadLetterTopics.recovered(
                kafka.getBrokersAsString(),
                "session-changes",
                12,
                3,
                new ConsumerRecord<>("session-changes", 7, 42L, "session-7", value),
                DeadLetters.recoverer(template)::accept);

        assertThat(dead.key()).isEqualTo("session-7");
        assertThat(dead.value()).isEqualTo(value);
        template.destroy();
    }
}
