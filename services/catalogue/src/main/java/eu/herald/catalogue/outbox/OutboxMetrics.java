package eu.herald.catalogue.outbox;

import eu.herald.messaging.OutboxLag;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's lag for Prometheus: session changes and themes not yet in Kafka, and the age of the oldest. */
@Configuration(proxyBeanMethods = false)
class OutboxMetrics {

    @Bean
    OutboxLag outboxLag(Outbox outbox, MeterRegistry registry, Clock clock) {
        return new OutboxLag(outbox::backlog, registry, clock, OutboxLag.REFRESH);
    }
}
