package eu.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
            TopicRecords.send(broker.bootstrapServers(), TOPIC, "5f0c6a52", "rescheduled");
            assertThat(TopicRecords.valuesFromStart(broker.bootstrapServers(), TOPIC, Duration.ofSeconds(60)))
                    .containsExactly("rescheduled");
            int port = broker.port();

            broker.stop();

            assertThat(broker.isRunning()).isFalse();
            assertThat(accepts(port)).isFalse();

            broker.start();

            assertThat(broker.port()).isEqualTo(port);
            assertThat(TopicRecords.valuesFromStart(broker.bootstrapServers(), TOPIC, Duration.ofSeconds(60)))
                    .containsExactly("rescheduled");
            assertThat(broker.logFile()).content().contains("Kafka Server started");
        }
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
