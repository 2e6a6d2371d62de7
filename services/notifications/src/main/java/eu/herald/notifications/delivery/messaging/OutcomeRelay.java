package eu.herald.notifications.delivery.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.notifications.delivery.DeliveryAttempted;
import eu.herald.notifications.delivery.DeliveryOutcomes;
import eu.herald.notifications.delivery.DeliveryStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the outcomes recorded in the delivery log to {@code notifications.delivery-outcomes.v1} as
 * CloudEvents (binary mode) and marks them published once the broker has acknowledged them. It runs on the
 * scheduler's thread, never the consumer's: soon after each batch (a nudge) and on a fixed delay, which picks up
 * what a failed run left behind. An outcome acknowledged but not
 * marked (a crash in between) is published again with the same {@code ce_id}.
 */
@Component
class OutcomeRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRelay.class);
    private static final String SOURCE = "/herald/notifications";
    private static final long ACK_TIMEOUT_SECONDS = 30;
    /** Why the delivery is dead, also in the value's {@code reason}; named like the recoverer's headers. */
    static final String DEAD_LETTER_REASON = "herald_dlt-reason";
    /**
     * The delivery's trace, stored with it, written as it is: an observed send (a span per outcome) cost a share of
     * the dispatch rate in the fan-out benchmark, so this service's template is not observed.
     */
    private static final String TRACEPARENT = "traceparent";

    private final DeliveryOutcomes outcomes;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final MessagingProperties properties;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final AtomicBoolean nudged = new AtomicBoolean();

    OutcomeRelay(
            DeliveryOutcomes outcomes,
            KafkaTemplate<String, byte[]> kafka,
            JsonMapper json,
            TransactionTemplate transaction,
            MessagingProperties properties,
            Clock clock,
            TaskScheduler scheduler) {
        this.outcomes = outcomes;
        this.kafka = kafka;
        this.json = json;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::relay, properties.relayInterval());
    }

    /** Asks for a run soon; nudges that arrive while one is pending are absorbed by it. */
    void nudge() {
        if (nudged.compareAndSet(false, true)) {
            scheduler.schedule(
                    () -> {
                        nudged.set(false);
                        relay();
                    },
                    clock.instant());
        }
    }

    /** Publishes every unpublished outcome; failures are logged and left for the next run. */
    synchronized void relay() {
        try {
            Integer published;
            do {
                published = transaction.execute(status -> publishBatch());
            } while (published != null && published == properties.relayBatchSize());
        } catch (RuntimeException e) {
            log.warn("publishing delivery outcomes failed; the next run retries: {}", e.toString());
        }
    }

    private int publishBatch() {
        List<DeliveryAttempted> batch = outcomes.lockUnpublished(properties.relayBatchSize());
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
        for (DeliveryAttempted attempted : batch) {
            sends.addAll(send(attempted));
        }
        for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
            await(send);
        }
        outcomes.markPublished(batch.stream().map(DeliveryAttempted::id).toList(), clock.instant());
        return batch.size();
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> send(DeliveryAttempted attempted) {
        OutcomeMessage outcome = OutcomeMessage.of(attempted);
        CompletableFuture<SendResult<String, byte[]>> sent =
                kafka.send(record(Topics.OUTCOMES, outcome, attempted.traceparent()));
        if (attempted.status() != DeliveryStatus.DEAD) {
            return List.of(sent);
        }
        // in the same batch as the outcome, so a dead delivery is never marked published without it
        ProducerRecord<String, byte[]> dead = record(Topics.DELIVERIES_DEAD_LETTERS, outcome, attempted.traceparent());
        dead.headers().add(DEAD_LETTER_REASON, String.valueOf(outcome.reason()).getBytes(UTF_8));
        return List.of(sent, kafka.send(dead));
    }

    private ProducerRecord<String, byte[]> record(String topic, OutcomeMessage outcome, @Nullable String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", outcome.outcomeId().getBytes(UTF_8));
        headers.add("ce_type", outcome.type().getBytes(UTF_8));
        headers.add("ce_source", SOURCE.getBytes(UTF_8));
        headers.add("ce_time", outcome.occurredAt().getBytes(UTF_8));
        headers.add("ce_subject", outcome.deliveryId().getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        if (traceparent != null) {
            headers.add(TRACEPARENT, traceparent.getBytes(UTF_8));
        }
        return new ProducerRecord<>(topic, null, outcome.municipalityId(), json.writeValueAsBytes(outcome), headers);
    }

    private static void await(CompletableFuture<SendResult<String, byte[]>> send) {
        try {
            send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing outcomes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("an outcome was not acknowledged", e);
        }
    }
}
