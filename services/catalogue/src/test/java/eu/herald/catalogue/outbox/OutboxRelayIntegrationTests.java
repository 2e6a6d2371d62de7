package eu.herald.catalogue.outbox;

import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.catalogue.CatalogueIntegrationTest;
import eu.herald.tracing.StoredTraces;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** While the broker is unreachable, writes go on; afterwards every change is sent, in order. */
class OutboxRelayIntegrationTests extends CatalogueIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Outbox outbox;

    @Test
    void keepsChangesWhileTheBrokerIsUnreachableAndSendsThemInOrderLater() {
        Consumer<String, String> consumer = sessionChangesConsumer();
        relay.stop();
        var unreachable = new DefaultKafkaProducerFactory<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:9",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                500,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        try {
            String id = publishAndRescheduleThreeTimes();
            var relayWithoutBroker = new OutboxRelay(
                    jdbc,
                    outbox,
                    transactions,
                    new KafkaTemplate<>(unreachable),
                    new OutboxProperties(true, Duration.ofMillis(200), 100, Duration.ofSeconds(5), Duration.ofDays(7)),
                    Clock.systemUTC(),
                    StoredTraces.none());

            assertThat(relayWithoutBroker.relayPending()).isZero();
            assertThat(count("select count(*) from outbox where message_key = ? and published_at is null", id))
                    .isEqualTo(4);

            relay.start();

            var versions = new ArrayList<Integer>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : poll(consumer, id)) {
                    versions.add(
                            json.readTree(record.value()).at("/session/version").asInt());
                }
                assertThat(versions).hasSizeGreaterThanOrEqualTo(4);
            });
            assertThat(versions).containsExactly(1, 2, 3, 4);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from outbox where message_key = ? and published_at is null", id)
                            == 0);
        } finally {
            relay.start();
            unreachable.destroy();
        }
    }

    private String publishAndRescheduleThreeTimes() {
        String id = published(networking());
        int version = 1;
        for (String start : new String[] {"17:00", "17:30", "18:00"}) {
            assertThat(put(
                            id,
                            "\"" + version++ + "\"",
                            networking("2022-10-11T" + start, "2022-10-11T19:00", "Zoom", "")))
                    .hasStatusOk();
        }
        return id;
    }
}
