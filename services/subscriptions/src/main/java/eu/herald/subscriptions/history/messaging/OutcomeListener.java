package eu.herald.subscriptions.history.messaging;

import eu.herald.subscriptions.history.DeliveryHistory;
import eu.herald.subscriptions.history.DeliveryOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records every delivery outcome; idempotent, so a redelivered outcome changes nothing. */
@Component
class OutcomeListener {

    static final String TOPIC = "notifications.delivery-outcomes.v1";

    private final DeliveryHistory history;

    OutcomeListener(DeliveryHistory history) {
        this.history = history;
    }

    @KafkaListener(
            id = "subscriptions-outcomes",
            groupId = "subscriptions-outcomes",
            topics = TOPIC,
            containerFactory = OutcomeKafkaConfiguration.CONTAINER_FACTORY,
            // outcomes are small and recorded one short transaction each: fewer polls, fewer offset commits
            properties = "max.poll.records=500")
    void on(ConsumerRecord<String, @Nullable DeliveryOutcome> record) {
        DeliveryOutcome outcome = record.value();
        if (outcome != null) {
            history.record(outcome);
        }
    }
}
