package eu.herald.notifications.delivery;

import eu.herald.notifications.request.Channel;
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

    /** Registers every series at once: {@code increase()} and {@code rate()} see a first event only on a series at 0. */
    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                outcomes(channel.name(), status);
            }
            deadLetters(channel.name());
            retries(channel.name());
            latency(channel.name());
        }
    }

    void attempting(Delivery delivery) {
        if (delivery.attempts() > 0) {
            retries(delivery.channel().name()).increment();
        }
    }

    void recorded(DeliveryAttempted attempted) {
        String channel = attempted.channel().name();
        outcomes(channel, attempted.status()).increment();
        if (attempted.status() == DeliveryStatus.DEAD) {
            deadLetters(channel).increment();
        }
        if (attempted.status() == DeliveryStatus.SENT && attempted.sentAt() != null) {
            latency(channel).record(Duration.between(attempted.changedAt(), attempted.sentAt()));
        }
    }

    // herald.deliveries is the gauge of the log by state (DeliveryBacklog): outcomes are what happened
    private Counter outcomes(String channel, DeliveryStatus outcome) {
        return Counter.builder("herald.delivery.outcomes")
                .description("Delivery attempts by channel and the outcome they led to")
                .tag("channel", channel)
                .tag("outcome", outcome.name())
                .register(registry);
    }

    private Counter deadLetters(String channel) {
        return Counter.builder("herald.delivery.dead.letters")
                .description("Deliveries given up after the retry schedule, written to the dead letters")
                .tag("channel", channel)
                .register(registry);
    }

    private Counter retries(String channel) {
        return Counter.builder("herald.delivery.retries")
                .description("Attempts after the first one (retries and replays)")
                .tag("channel", channel)
                .register(registry);
    }

    private Timer latency(String channel) {
        return Timer.builder("herald.delivery.latency")
                .description("From the session change to the receiver accepting the delivery")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofDays(1))
                .register(registry);
    }
}
