package eu.herald.subscriptions.history;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Keeps the delivery history for {@code herald.subscriptions.history.retention} only (data minimisation):
 * outcomes older than that are deleted by a scheduled purge, in batches, so one run never holds a long lock
 * on the table or fills the write-ahead log at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeliveryRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

    private final JdbcClient jdbc;
    private final SubscriptionsProperties.History settings;
    private final Clock clock;

    DeliveryRetention(JdbcClient jdbc, SubscriptionsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.history();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purge, settings.purgeInterval());
    }

    /** Deletes every outcome older than the retention; the number deleted. */
    int purge() {
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(settings.retention()));
        int total = 0;
        int deleted;
        do {
            // each batch commits on its own (no surrounding transaction)
            deleted = jdbc.sql("""
                            delete from delivery where delivery_id in (
                                select delivery_id from delivery where occurred_at < :cutoff limit :batch)
                            """)
                    .param("cutoff", cutoff)
                    .param("batch", settings.purgeBatchSize())
                    .update();
            total += deleted;
        } while (deleted == settings.purgeBatchSize());
        if (total > 0) {
            log.info("Purged {} delivery outcomes older than {}", total, settings.retention());
        }
        return total;
    }
}
