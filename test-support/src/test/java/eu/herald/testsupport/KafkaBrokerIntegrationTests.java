package eu.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIntegrationTests {

    private static final String TOPIC = "catalogue.session-changes.v1";

    @Test
    void keepsItsRecordsWhenStoppedAndStartedAgainOnTheSamePortAndData(@TempDir Path directory) throws Exception {
        try (KafkaBroker broker = KafkaBroker.onFreePorts(directory).start()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                        .all()
                        .get();
            }
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class))) {
                producer.send(new ProducerRecord<>(TOPIC, "5f0c6a52", "rescheduled"))
                        .get();
            }
            assertThat(everyValueOf(broker)).containsExactly("rescheduled");
            int port = broker.port();

            broker.stop();

            assertThat(broker.isRunning()).isFalse();
            assertThat(accepts(port)).isFalse();

            broker.start();

            assertThat(broker.port()).isEqualTo(port);
            assertThat(everyValueOf(broker)).containsExactly("rescheduled");
            assertThat(broker.logFile()).content().contains("Kafka Server started");
        }
    }

    private static List<String> everyValueOf(KafkaBroker broker) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(Set.of(new TopicPartition(TOPIC, 0)));
            consumer.seekToBeginning(consumer.assignment());
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
        }
        return values;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
