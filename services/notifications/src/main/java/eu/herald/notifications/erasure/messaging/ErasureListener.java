package eu.herald.notifications.erasure.messaging;

import eu.herald.notifications.delivery.messaging.UnreadableRequest;
import eu.herald.notifications.erasure.Erasure;
import eu.herald.notifications.erasure.Erasures;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies each erasure of {@code subscriptions.erasures.v1} to the delivery log. An unreadable record goes to
 * {@code subscriptions.erasures.v1-dlt} at once; a failure to apply one (the database away) is retried until it
 * succeeds, because an erasure must not be skipped. Applying one twice is harmless, so a redelivery is too.
 */
@Component
class ErasureListener {

    private static final LogAccessor log = new LogAccessor(ErasureListener.class);

    private final Erasures erasures;
    private final Clock clock;

    ErasureListener(Erasures erasures, Clock clock) {
        this.erasures = erasures;
        this.clock = clock;
    }

    @KafkaListener(
            id = Topics.ERASURE_GROUP,
            groupId = Topics.ERASURE_GROUP,
            topics = Topics.ERASURES,
            containerFactory = ErasureMessagingConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, @Nullable Erasure> record) throws Exception {
        Erasure erasure = record.value();
        if (erasure == null) {
            throw UnreadableRequest.reason(record, log);
        }
        erasures.apply(erasure, clock.instant());
    }
}
