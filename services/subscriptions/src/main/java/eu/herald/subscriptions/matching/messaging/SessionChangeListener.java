package eu.herald.subscriptions.matching.messaging;

import eu.herald.subscriptions.matching.FanOut;
import eu.herald.subscriptions.matching.SessionChange;
import eu.herald.subscriptions.naming.SessionNames;
import eu.herald.tracing.LogFields;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes session changes; runs inside the container's Kafka transaction. Before the fan-out it remembers the
 * session's title and its event's name for the public pages (idempotent, so a redelivered change is harmless).
 */
@Component
class SessionChangeListener {

    private static final Logger log = LoggerFactory.getLogger(SessionChangeListener.class);

    private final FanOut fanOut;
    private final SessionNames names;
    private final MatcherMetrics metrics;

    SessionChangeListener(FanOut fanOut, SessionNames names, MatcherMetrics metrics) {
        this.fanOut = fanOut;
        this.names = names;
        this.metrics = metrics;
    }

    @KafkaListener(id = "subscriptions-matcher", groupId = "subscriptions-matcher", topics = Topics.SESSION_CHANGES)
    void on(ConsumerRecord<String, @Nullable SessionChange> record) {
        SessionChange change = record.value();
        if (change == null) {
            // a tombstone: the catalogue never deletes a change, so there is nothing to notify
            log.warn(
                    "Ignoring a record without value at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        // the listener's observation continues the catalogue's trace (traceId in the MDC); this says which change
        try (MDC.MDCCloseable changeId =
                MDC.putCloseable(LogFields.CHANGE_ID, change.changeId().toString())) {
            names.remember(
                    change.sessionId(),
                    change.eventId(),
                    change.version(),
                    change.title(),
                    change.eventName(),
                    Instant.parse(change.occurredAt()));
            metrics.fanOut(change.kind(), () -> fanOut.distribute(change));
        }
    }
}
