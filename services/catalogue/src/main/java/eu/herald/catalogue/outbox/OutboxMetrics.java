package eu.herald.catalogue.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The outbox's lag as operators watch it: {@code herald.outbox.pending} messages not relayed yet and {@code
 * herald.outbox.age}, the seconds since the oldest of them was written. A relay that cannot reach the broker shows
 * as a growing age long before anyone misses a notification.
 *
 * <p>The numbers come from the database, not from the relay's memory, so they also tell when no instance relays at
 * all. They are read when scraped, at most once per {@link #REFRESH}: a scrape never adds a query to the writes.
 */
@Component
class OutboxMetrics {

    static final Duration REFRESH = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final Clock clock;
    private final Duration refresh;

    private Outbox.Backlog backlog = new Outbox.Backlog(0, null);
    private Instant readAt = Instant.MIN;

    @Autowired
    OutboxMetrics(Outbox outbox, MeterRegistry registry, Clock clock) {
        this(outbox, registry, clock, REFRESH);
    }

    OutboxMetrics(Outbox outbox, MeterRegistry registry, Clock clock, Duration refresh) {
        this.outbox = outbox;
        this.clock = clock;
        this.refresh = refresh;
        Gauge.builder(
                        "herald.outbox.pending",
                        this,
                        metrics -> metrics.backlog().pending())
                .description("Outbox messages not yet relayed to Kafka")
                .register(registry);
        Gauge.builder("herald.outbox.age", this, OutboxMetrics::ageSeconds)
                .description("Seconds since the oldest outbox message not yet relayed was written (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    double ageSeconds() {
        Instant oldest = backlog().oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    synchronized Outbox.Backlog backlog() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(refresh))) {
            backlog = outbox.backlog();
            readAt = now;
        }
        return backlog;
    }
}
