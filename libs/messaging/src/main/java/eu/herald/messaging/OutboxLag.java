package eu.herald.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The lag of a transactional outbox as operators watch it: {@code herald.outbox.pending} messages not relayed yet,
 * and {@code herald.outbox.age}, the seconds since the oldest of them was written (0 when none). A relay that cannot
 * reach the broker shows as a growing age long before anyone misses a message; the same names in every service let
 * one alert cover them all.
 *
 * <p>The numbers come from the outbox table, not from the relay's memory, so they also tell when no instance relays.
 * The table is read when a scrape asks, at most once per {@code refresh}: scrapes never add up to a load on the
 * database that writes the changes. Keep the instance referenced (a bean): gauges hold their object weakly.
 */
public final class OutboxLag {

    /** How often the outbox is read at most, unless a service says otherwise. */
    public static final Duration REFRESH = Duration.ofSeconds(10);

    /** What the relay has not sent yet: how many messages, and when the oldest of them was written. */
    public record Backlog(long pending, @Nullable Instant oldest) {

        /** A row of {@code select count(*) as pending, min(<written at>) as oldest from <outbox> ...}. */
        public static Backlog of(ResultSet row) throws SQLException {
            Timestamp oldest = row.getTimestamp("oldest");
            return new Backlog(row.getLong("pending"), oldest == null ? null : oldest.toInstant());
        }
    }

    private final Supplier<Backlog> backlog;
    private final Clock clock;

    public OutboxLag(Supplier<Backlog> outbox, MeterRegistry registry, Clock clock, Duration refresh) {
        this.backlog = new ReadAtMostEvery<>(refresh, clock, outbox, new Backlog(0, null));
        this.clock = clock;
        Gauge.builder("herald.outbox.pending", this, OutboxLag::pending)
                .description("Outbox messages not yet relayed to Kafka")
                .register(registry);
        Gauge.builder("herald.outbox.age", this, OutboxLag::ageSeconds)
                .description("Seconds since the oldest outbox message not yet relayed was written (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    public long pending() {
        return backlog.get().pending();
    }

    public double ageSeconds() {
        Instant oldest = backlog.get().oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
