package eu.herald.notifications.delivery.backlog;

import eu.herald.messaging.OutboxLag;
import eu.herald.messaging.ReadAtMostEvery;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.request.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of the delivery log: {@code herald.deliveries} by {@code state} and {@code channel} (every combination, so
 * a state that empties shows 0 rather than vanishing), and the {@link OutboxLag} of the outcomes not yet published.
 *
 * <p>They are read when scraped and at most once per {@link #REFRESH}: the grouped count reads the whole log, which
 * a fan-out of thousands of deliveries must never wait for, so it runs four times a minute at most and not at all
 * when nobody scrapes. The outbox's backlog comes from its partial index of unpublished outcomes.
 */
@Component
class DeliveryBacklog {

    static final Duration REFRESH = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final ReadAtMostEvery<Map<String, Long>> byStateAndChannel;
    private final OutboxLag outcomes;

    @Autowired
    DeliveryBacklog(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
        this(jdbc, registry, clock, REFRESH);
    }

    DeliveryBacklog(JdbcClient jdbc, MeterRegistry registry, Clock clock, Duration refresh) {
        this.jdbc = jdbc;
        this.byStateAndChannel = new ReadAtMostEvery<>(refresh, clock, this::countByStateAndChannel, Map.of());
        for (DeliveryStatus state : DeliveryStatus.values()) {
            for (Channel channel : Channel.values()) {
                String key = key(state.name(), channel.name());
                Gauge.builder("herald.deliveries", this, backlog -> backlog.deliveries(key))
                        .description("Deliveries in the log by state and channel")
                        .tag("state", state.name())
                        .tag("channel", channel.name())
                        .register(registry);
            }
        }
        this.outcomes = new OutboxLag(this::unpublishedOutcomes, registry, clock, refresh);
    }

    /** The outcomes' outbox. */
    OutboxLag outcomes() {
        return outcomes;
    }

    private long deliveries(String key) {
        return byStateAndChannel.get().getOrDefault(key, 0L);
    }

    private Map<String, Long> countByStateAndChannel() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select status, channel, count(*) as deliveries from delivery group by status, channel")
                .query(row -> {
                    counts.put(key(row.getString("status"), row.getString("channel")), row.getLong("deliveries"));
                });
        return counts;
    }

    private OutboxLag.Backlog unpublishedOutcomes() {
        return jdbc.sql("""
                        select count(*) as pending, min(occurred_at) as oldest
                        from delivery_outcome where published_at is null
                        """)
                .query((row, rowNumber) -> OutboxLag.Backlog.of(row))
                .single();
    }

    private static String key(String state, String channel) {
        return state + "/" + channel;
    }
}
