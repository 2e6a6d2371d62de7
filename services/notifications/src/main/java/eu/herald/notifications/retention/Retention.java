package eu.herald.notifications.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what is older than the retention period ({@code herald.notifications.retention.period}, 90 days by
 * default): finished deliveries with their outcomes, then the stored requests no delivery points at any more, then
 * the stored changes no request points at. In batches, each its own transaction; rows another instance is purging
 * at the same moment are skipped. A delivery still pending, retrying or scheduled, or with an outcome the relay has
 * not published, is kept whatever its age.
 */
@Component
class Retention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RetentionProperties properties;
    private final Clock clock;

    Retention(JdbcClient jdbc, TransactionTemplate transaction, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purgeQuietly, properties.interval());
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("the retention purge failed; the next run tries again: {}", e.toString());
        }
    }

    /** @return how many deliveries and requests were deleted */
    Purged purge() {
        Instant before = clock.instant().minus(properties.period());
        int deliveries = 0;
        int batch;
        do {
            batch = Objects.requireNonNull(transaction.execute(status -> purgeDeliveries(before)));
            deliveries += batch;
        } while (batch == properties.batchSize());
        int requests = 0;
        do {
            batch = Objects.requireNonNull(transaction.execute(status -> purgeRequests(before)));
            requests += batch;
        } while (batch == properties.batchSize());
        do {
            batch = Objects.requireNonNull(transaction.execute(status -> purgeChanges(before)));
        } while (batch == properties.batchSize());
        if (deliveries + requests > 0) {
            log.info(
                    "retention: deleted {} deliveries and {} requests recorded before {}",
                    deliveries,
                    requests,
                    before);
        }
        return new Purged(deliveries, requests);
    }

    record Purged(int deliveries, int requests) {}

    private int purgeDeliveries(Instant before) {
        List<UUID> old = jdbc.sql("""
                        select d.delivery_id from delivery d
                         where d.created_at < :before and d.status not in ('PENDING', 'RETRYING', 'SCHEDULED')
                           and not exists (select 1 from delivery_outcome o
                                            where o.delivery_id = d.delivery_id and o.published_at is null)
                         order by d.created_at
                         limit :limit
                           for update skip locked
                        """)
                .param("before", before.atOffset(ZoneOffset.UTC))
                .param("limit", properties.batchSize())
                .query(UUID.class)
                .list();
        if (old.isEmpty()) {
            return 0;
        }
        jdbc.sql("delete from delivery_outcome where delivery_id in (:ids)")
                .param("ids", old)
                .update();
        return jdbc.sql("delete from delivery where delivery_id in (:ids)")
                .param("ids", old)
                .update();
    }

    /** The stored requests no delivery points at any more. */
    private int purgeRequests(Instant before) {
        return purgeUnreferenced("notification_request", "request_id", "delivery", before);
    }

    /** The stored changes no request points at any more; they hold no personal data, so they are not counted. */
    private int purgeChanges(Instant before) {
        return purgeUnreferenced("notification_change", "change_id", "notification_request", before);
    }

    /** One batch of the table's rows recorded before the time that no row of {@code referencedFrom} names by key. */
    private int purgeUnreferenced(String table, String key, String referencedFrom, Instant before) {
        return jdbc.sql("""
                        delete from %1$s where %2$s in (
                            select t.%2$s from %1$s t
                             where t.created_at < :before
                               and not exists (select 1 from %3$s r where r.%2$s = t.%2$s)
                             limit :limit
                               for update skip locked)
                        """.formatted(table, key, referencedFrom))
                .param("before", before.atOffset(ZoneOffset.UTC))
                .param("limit", properties.batchSize())
                .update();
    }
}
