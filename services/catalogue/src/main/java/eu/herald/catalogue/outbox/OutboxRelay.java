package eu.herald.catalogue.outbox;

import eu.herald.tracing.LogFields;
import eu.herald.tracing.StoredTraces;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending outbox messages to Kafka in the order they were written, and marks them published once
 * the broker acknowledged them.
 *
 * <p>Order and completeness come from never skipping: a batch is sent, its acknowledgements are awaited
 * in order, and only the acknowledged prefix is marked; on the first failure the relay stops and later
 * starts again from the oldest unpublished message. A message whose acknowledgement was lost can be sent
 * twice; consumers deduplicate by {@code ce_id}. One relay is active across instances: each round holds a
 * PostgreSQL transaction-scoped advisory lock.
 *
 * <p>A single thread does the work. A commit that queued a message wakes it at once; otherwise it polls.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Any constant shared by all catalogue instances; reads "herald-o" as ASCII. */
    private static final long ADVISORY_LOCK = 0x6865_7261_6c64_2d6fL;

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private static final String SPAN = "outbox relay";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final StoredTraces traces;
    private final Semaphore wakeUp = new Semaphore(0);

    private volatile boolean running;
    private @Nullable Thread worker;
    private Instant nextCleanUp = Instant.MIN;

    OutboxRelay(
            JdbcClient jdbc,
            Outbox outbox,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            Clock clock,
            StoredTraces traces) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.traces = traces;
    }

    @TransactionalEventListener
    void onMessageQueued(Outbox.MessageQueued queued) {
        wakeUp.release();
    }

    /** Relays pending messages until none are left or the broker fails; returns how many were published. */
    int relayPending() {
        int published = 0;
        while (true) {
            Round round = transactions.execute(status -> relayBatch());
            if (round == null) {
                return published;
            }
            published += round.published();
            if (round.failed() || round.read() < properties.batchSize()) {
                return published;
            }
        }
    }

    private Round relayBatch() {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", ADVISORY_LOCK)
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return new Round(0, 0, false);
        }
        List<Outbox.Pending> pending = outbox.oldestPending(properties.batchSize());
        var sends = new ArrayList<CompletableFuture<SendResult<String, String>>>();
        for (Outbox.Pending message : pending) {
            CompletableFuture<SendResult<String, String>> send = sendInItsTrace(message);
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                // the broker is unreachable (each further send would block for max.block.ms first)
                break;
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        boolean failed = false;
        long deadline = System.nanoTime() + properties.acknowledgementTimeout().toNanos();
        for (int i = 0; i < sends.size() && !failed; i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(pending.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                failed = true;
                log.warn(
                        "Kafka did not acknowledge outbox message {}; {} earlier ones published, retrying later: {}",
                        pending.get(i).id(),
                        acknowledged.size(),
                        e.getCause() == null ? e.toString() : e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
            }
        }
        outbox.markPublished(acknowledged);
        return new Round(pending.size(), acknowledged.size(), failed);
    }

    /**
     * Sends the message in the trace of the request that queued it: the template's observation is a child of that
     * trace and writes its {@code traceparent} into the record's headers, which is how the consumers continue it.
     */
    private CompletableFuture<SendResult<String, String>> sendInItsTrace(Outbox.Pending pending) {
        OutboxMessage message = pending.message();
        Map<String, String> tags = Map.of("messaging.destination.name", message.topic());
        // a session change's CloudEvent id is its change id; other messages (themes) are about no change
        if (!message.headers().getOrDefault("ce_type", "").startsWith("eu.herald.session.")) {
            return traces.continued(pending.traceparent(), SPAN, tags, () -> send(message));
        }
        String changeId = message.headers().getOrDefault("ce_id", "");
        try (MDC.MDCCloseable change = MDC.putCloseable(LogFields.CHANGE_ID, changeId)) {
            return traces.continued(pending.traceparent(), SPAN, tags, () -> {
                // one line per change, with its trace id: where to start looking for what became of it
                log.info("Publishing session change {}", changeId);
                return send(message);
            });
        }
    }

    private CompletableFuture<SendResult<String, String>> send(OutboxMessage message) {
        var record = new ProducerRecord<String, String>(message.topic(), message.key(), message.payload());
        message.headers()
                .forEach((name, value) ->
                        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void cleanUpIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanUp)) {
            return;
        }
        nextCleanUp = now.plusSeconds(3600);
        int deleted = outbox.deletePublishedBefore(properties.retention());
        if (deleted > 0) {
            log.info("Deleted {} outbox messages published more than {} ago", deleted, properties.retention());
        }
    }

    private void work() {
        while (running) {
            try {
                relayPending();
                cleanUpIfDue();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // e.g. the database is unreachable: keep the thread alive and try again on the next round
                log.warn("Outbox relay round failed; retrying", e);
            }
            try {
                wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        if (!properties.relayEnabled() || running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::work, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        worker = thread;
    }

    /**
     * Lets a round in progress finish (its acknowledged messages get marked), then interrupts one that is
     * stuck, e.g. waiting for a database connection that will not come because the database is going away.
     */
    @Override
    public void stop() {
        running = false;
        wakeUp.release();
        Thread thread = worker;
        worker = null;
        if (thread == null) {
            return;
        }
        try {
            thread.join(SHUTDOWN_GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(SHUTDOWN_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Round(int read, int published, boolean failed) {}
}
