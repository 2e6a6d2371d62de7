package eu.herald.subscriptions.erasure.messaging;

import eu.herald.messaging.OutboxLag;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The erasure outbox's lag for Prometheus: erasures not yet announced, and the age of the oldest. */
@Configuration(proxyBeanMethods = false)
class ErasureOutboxMetrics {

    @Bean
    OutboxLag erasureOutboxLag(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
        return new OutboxLag(() -> backlog(jdbc), registry, clock, OutboxLag.REFRESH);
    }

    /** The relay deletes what it published: every row is pending, the oldest first in the relay's index. */
    static OutboxLag.Backlog backlog(JdbcClient jdbc) {
        return jdbc.sql("select count(*) as pending, min(created_at) as oldest from erasure_outbox")
                .query((row, rowNumber) -> OutboxLag.Backlog.of(row))
                .single();
    }
}
