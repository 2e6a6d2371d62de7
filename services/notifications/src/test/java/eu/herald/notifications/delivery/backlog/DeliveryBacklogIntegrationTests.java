package eu.herald.notifications.delivery.backlog;

import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.notifications.IntegrationTestSupport;
import eu.herald.notifications.RequestJson.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The gauges of the log follow what it holds: a delivery sent is one more SENT delivery and one more outcome. */
class DeliveryBacklogIntegrationTests extends IntegrationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry metrics;

    @Test
    void countsASentDeliveryInItsStateAndItsOutcome() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        // held here: a gauge holds its object weakly
        DeliveryBacklog backlog = new DeliveryBacklog(jdbc, registry, Clock.systemUTC(), Duration.ZERO);
        double sentBefore = sentEmails(registry);
        double outcomesBefore = sentEmailOutcomes();

        produceRequest(PLOCK, text(rescheduledForPlock(UUID.randomUUID(), Target.email("backlog"))));

        // at least: a retry left by another test of the shared context may succeed meanwhile
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(sentEmails(registry)).isGreaterThanOrEqualTo(sentBefore + 1);
            assertThat(sentEmailOutcomes()).isGreaterThanOrEqualTo(outcomesBefore + 1);
        });
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                registry.get("herald.outbox.pending").gauge().value())
                        .isZero());
        assertThat(backlog.outcomes().ageSeconds()).isZero();
    }

    private static double sentEmails(MeterRegistry registry) {
        return registry.get("herald.deliveries")
                .tag("state", "SENT")
                .tag("channel", "EMAIL")
                .gauge()
                .value();
    }

    private double sentEmailOutcomes() {
        @Nullable
        Counter sent = metrics.find("herald.delivery.outcomes")
                .tag("outcome", "SENT")
                .tag("channel", "EMAIL")
                .counter();
        return sent == null ? 0 : sent.count();
    }
}
