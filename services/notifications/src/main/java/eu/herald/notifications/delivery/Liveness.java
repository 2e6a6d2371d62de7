package eu.herald.notifications.delivery;

import static eu.herald.notifications.delivery.DeliveryRows.timestamp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This instance's liveness in the {@code notifier} table, and the hand-over of the work of instances that lost
 * theirs (ADR 24). Every claim records its instance; an instance renews its liveness every heartbeat, on a thread of
 * its own (a slow send or a long claim loop never delays it), and each heartbeat makes the deliveries held by lapsed
 * instances due at once, so the work of one that died resumes within {@code alive-for} and a heartbeat instead of
 * when its leases run out. The next claim of such a delivery records it as taken over: it may have been sent.
 *
 * <p>Registered before any claim (a claim of an unregistered instance would be handed over at once), and
 * deregistered only after {@link Dispatch} has let its attempts finish: Spring destroys this bean after the beans
 * that depend on it.
 */
@Component
class Liveness implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Liveness.class);

    private static final String RENEW = """
            update notifier set alive_until = :until where instance_id = :instance and alive_until > :now
            """;

    private static final String REGISTER = """
            insert into notifier (instance_id, started_at, alive_until) values (:instance, :now, :until)
            on conflict (instance_id) do update set alive_until = excluded.alive_until
            """;

    // few instances lapse, and only their unfinished claims are in delivery_claimed_idx; rows a claim is taking at
    // this moment are skipped, not waited for
    private static final String HAND_OVER = """
            with orphaned as (
                select d.delivery_id from delivery d
                  join notifier n on n.instance_id = d.claimed_by and n.alive_until <= :now
                 where d.claimed_by is not null and d.status in ('PENDING', 'RETRYING', 'SCHEDULED')
                   and d.next_attempt_at > :now
                   for update of d skip locked)
            update delivery d set next_attempt_at = :now from orphaned o where d.delivery_id = o.delivery_id
            """;

    // an instance long gone whose deliveries have all been handed over is of no more use
    private static final String FORGET = """
            delete from notifier n where n.alive_until < :before
               and not exists (select 1 from delivery d where d.claimed_by = n.instance_id
                                  and d.status in ('PENDING', 'RETRYING', 'SCHEDULED'))
            """;

    private static final String RELEASE = """
            update delivery set next_attempt_at = :now
             where delivery_id in (:ids) and claimed_by = :instance
               and status in ('PENDING', 'RETRYING', 'SCHEDULED') and next_attempt_at > :now
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final String instance = name();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(beat -> {
        Thread thread = new Thread(beat, "notifier-liveness");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter handedOver;
    /** Deliveries whose attempts could not be recorded (the database went away): due again once it answers. */
    private final Set<UUID> abandoned = ConcurrentHashMap.newKeySet();

    private volatile Instant aliveUntil = Instant.MIN;

    Liveness(JdbcClient jdbc, Clock clock, DeliveryProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        // each one is a delivery whose receiver may get it twice: worth an operator's look when it moves
        this.handedOver = Counter.builder("herald.delivery.handovers")
                .description("deliveries held by lapsed notifiers made due for the others")
                .register(registry);
    }

    /** This instance's id, as its claims record it: the host (a pod's name) and a random part per start. */
    String instance() {
        return instance;
    }

    /**
     * Whether this instance is known alive past {@code at}: until then no other instance takes its claims over, so
     * an attempt can go ahead without checking its lease again.
     */
    boolean aliveAfter(Instant at) {
        return aliveUntil.isAfter(at);
    }

    @Override
    public void afterPropertiesSet() {
        Instant now = clock.instant();
        Instant until = micros(now.plus(properties.aliveFor()));
        register(now, until);
        long period = properties.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        log.info("notifier {} registered, alive for {} at a time", instance, properties.aliveFor());
    }

    /**
     * Deliveries this instance claimed and attempted, or was about to, whose record failed: they stay claimed by this
     * instance, alive, until their lease runs out (5 minutes). The next heartbeat that reaches the database makes them
     * due instead, and their next claim records them as taken over: they may have been sent.
     */
    void abandoned(Collection<Delivery> deliveries) {
        deliveries.forEach(delivery -> abandoned.add(delivery.id().value()));
    }

    /** Renews this instance's liveness, then hands over the deliveries of lapsed instances and its abandoned ones. */
    void beat() {
        try {
            renew();
            releaseAbandoned();
            int count = handOver();
            if (count > 0) {
                handedOver.increment(count);
                log.warn("{} deliveries held by lapsed notifiers are due again; they may have been sent", count);
            }
        } catch (RuntimeException e) {
            log.warn("renewing the liveness of notifier {} failed; the next heartbeat tries again: {}", instance, e);
        }
    }

    /**
     * Renews this instance's liveness, counted from before the statement. The statement may wait for a connection (the
     * database was away and the pool reconnects): a renewal that took longer than a heartbeat is made again at once,
     * else it would lapse soon after it, and the others would take over the work of an instance that is sending it.
     */
    void renew() {
        Instant started = clock.instant();
        renewFrom(started);
        Instant now = clock.instant();
        if (Duration.between(started, now).compareTo(properties.heartbeat()) > 0) {
            renewFrom(now);
        }
    }

    private void renewFrom(Instant now) {
        Instant until = micros(now.plus(properties.aliveFor()));
        if (jdbc.sql(RENEW)
                        .param("instance", instance)
                        .param("until", timestamp(until))
                        .param("now", timestamp(now))
                        .update()
                == 1) {
            aliveUntil = until;
            return;
        }
        log.warn(
                "notifier {} had lapsed (a long pause, or its clock jumped): others may have taken over its deliveries",
                instance);
        register(now, until);
    }

    private void releaseAbandoned() {
        List<UUID> ids = List.copyOf(abandoned);
        if (ids.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int released = jdbc.sql(RELEASE)
                .param("now", timestamp(now))
                .param("ids", ids)
                .param("instance", instance)
                .update();
        ids.forEach(abandoned::remove);
        if (released > 0) {
            handedOver.increment(released);
            log.warn(
                    "{} deliveries whose attempts could not be recorded are due again; they may have been sent",
                    released);
        }
    }

    /** Makes the deliveries held by lapsed instances due now; returns how many. */
    int handOver() {
        Instant now = clock.instant();
        int handedOver = jdbc.sql(HAND_OVER).param("now", timestamp(now)).update();
        jdbc.sql(FORGET)
                .param("before", timestamp(now.minus(1, ChronoUnit.HOURS)))
                .update();
        return handedOver;
    }

    private void register(Instant now, Instant until) {
        jdbc.sql(REGISTER)
                .param("instance", instance)
                .param("now", timestamp(now))
                .param("until", timestamp(until))
                .update();
        aliveUntil = until;
    }

    /**
     * Deregisters: this instance lapses now and what it still holds (its attempts have finished or were given up)
     * is due at once for the others, who record that they took it over.
     */
    @Override
    public void destroy() throws InterruptedException {
        heartbeats.shutdownNow();
        heartbeats.awaitTermination(5, TimeUnit.SECONDS);
        aliveUntil = Instant.MIN;
        Instant now = micros(clock.instant());
        try {
            jdbc.sql("update notifier set alive_until = :now where instance_id = :instance")
                    .param("now", timestamp(now))
                    .param("instance", instance)
                    .update();
            int released = jdbc.sql("""
                            update delivery set next_attempt_at = :now
                             where claimed_by = :instance and status in ('PENDING', 'RETRYING', 'SCHEDULED')
                               and next_attempt_at > :now
                            """)
                    .param("now", timestamp(now))
                    .param("instance", instance)
                    .update();
            log.info("notifier {} deregistered; {} deliveries it held are due for the others", instance, released);
        } catch (RuntimeException e) {
            log.warn("deregistering notifier {} failed; its liveness lapses on its own: {}", instance, e.toString());
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String name() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "notifier";
            }
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
