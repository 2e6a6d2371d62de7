package eu.herald.subscriptions.matching.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.subscriptions.matching.NotificationRequested;
import eu.herald.subscriptions.matching.NotificationRequests;
import eu.herald.tracing.StoredTraces;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes requests to {@code subscriptions.notification-requests.v1} as CloudEvents in binary
 * mode, keyed by municipality so each municipality's requests stay in order.
 *
 * <p>The template is transactional: outside the listener's transaction it refuses to send, so a
 * request can never be published without the change that caused it being consumed.
 *
 * <p>Each request carries the trace of its change ({@code traceparent}, the listener's span) without a span of its
 * own: an observed send per request cost the matcher about a quarter of its rate in the fan-out benchmark. So this
 * template, sharing the transactional producer of Boot's (one producer factory, so one transaction), is not observed.
 */
@Component
class KafkaNotificationRequests implements NotificationRequests {

    static final String TYPE = "eu.herald.notification.requested.v1";
    static final String SOURCE = "/herald/subscriptions";

    private final KafkaTemplate<Object, Object> kafka;
    private final Clock clock;
    private final StoredTraces traces;

    KafkaNotificationRequests(KafkaTemplate<Object, Object> kafka, Clock clock, StoredTraces traces) {
        this.kafka = new KafkaTemplate<>(kafka.getProducerFactory());
        this.kafka.setObservationEnabled(false);
        this.clock = clock;
        this.traces = traces;
    }

    @Override
    public CompletableFuture<Void> publish(List<NotificationRequested> requests) {
        // the producer batches and compresses the records (linger.ms); the caller decides when to wait.
        // One time for the batch: reading and formatting the clock per record cost a tenth of a fan-out
        byte[] time = bytes(clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        String trace = traces.current();
        byte[] traceparent = trace == null ? null : bytes(trace);
        CompletableFuture<?>[] sent = requests.stream()
                .map(request -> send(request, time, traceparent))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent);
    }

    private CompletableFuture<?> send(NotificationRequested request, byte[] time, byte @Nullable [] traceparent) {
        String municipality = request.recipient().municipalityId().toString();
        var headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(request.requestId().toString()));
        headers.add("ce_type", bytes(TYPE));
        headers.add("ce_source", bytes(SOURCE));
        headers.add("ce_time", time);
        headers.add("ce_subject", bytes(municipality));
        headers.add("content-type", bytes("application/json"));
        if (traceparent != null) {
            headers.add("traceparent", traceparent);
        }
        return kafka.send(new ProducerRecord<>(Topics.NOTIFICATION_REQUESTS, null, municipality, request, headers));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }
}
