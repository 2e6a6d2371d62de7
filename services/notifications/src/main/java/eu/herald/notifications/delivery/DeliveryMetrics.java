package eu.herald.notifications.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What operators watch: attempts by channel and the outcome they led to, retries, dead letters, and how long
 * a change takes to reach its recipients (from the change's commit in the catalogue to the receiver's
 * acceptance).
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempting(Delivery delivery) {
        if (delivery.attempts() > 0) {
            Counter.builder("herald.delivery.retries")
                    .description("Attempts after the first one (retries and replays)")
                    .tag("channel", delivery.channel().name())
                    .register(registry)
                    .increment();
        }
    }

    void recorded(DeliveryAttempted attempted) {
        String channel = attempted.channel().name();
        // herald.deliveries is the gauge of the log by state (DeliveryBacklog): outcomes are what happened
        Counter.builder("herald.delivery.outcomes")
                .description("Delivery attempts by channel and the outcome they led to")
                .tag("channel", channel)
                .tag("outcome", attempted.status().name())
                .register(registry)
                .increment();
        if (attempted.status() == DeliveryStatus.DEAD) {
            Counter.builder("herald.delivery.dead.letters")
                    .description("Deliveries given up after the retry schedule, written to the dead letters")
                    .tag("channel", channel)
                    .register(registry)
                    .increment();
        }
        if (attempted.status() == DeliveryStatus.SENT && attempted.sentAt() != null) {
            Timer.builder("herald.delivery.latency")
                    .description("From the session change to the receiver accepting the delivery")
                    .tag("channel", channel)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(100))
                    .maximumExpectedValue(Duration.ofDays(1))
                    .register(registry)
                    .record(Duration.between(attempted.changedAt(), attempted.sentAt()));
        }
    }
}
