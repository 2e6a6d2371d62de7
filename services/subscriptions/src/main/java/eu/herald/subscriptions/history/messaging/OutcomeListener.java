package eu.herald.subscriptions.history.messaging;

import eu.herald.subscriptions.history.DeliveryHistory;
import eu.herald.subscriptions.history.DeliveryOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Records every delivery outcome, a poll at a time; idempotent, so a redelivered outcome changes nothing. An
 * unreadable record is reported by its index: the outcomes before it are recorded, it goes to the dead letters.
 */
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
            // outcomes are small: a poll's worth is recorded in one transaction, so fewer polls, fewer commits
            properties = "max.poll.records=500",
            batch = "true")
    void on(List<ConsumerRecord<String, @Nullable DeliveryOutcome>> records) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            DeliveryOutcome outcome = records.get(index).value();
            if (outcome == null) {
                // what came before it is recorded; the error handler sends this one to the dead letters and
                // hands the rest back
                record(outcomes);
                throw new BatchListenerFailedException("unreadable delivery outcome", index);
            }
            outcomes.add(outcome);
        }
        record(outcomes);
    }

    private void record(List<DeliveryOutcome> outcomes) {
        if (!outcomes.isEmpty()) {
            history.record(outcomes);
        }
    }
}
