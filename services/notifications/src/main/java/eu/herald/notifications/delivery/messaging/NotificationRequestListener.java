package eu.herald.notifications.delivery.messaging;

import eu.herald.notifications.delivery.Dispatch;
import eu.herald.notifications.request.NotificationRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes requests in batches: the readable requests before the first unreadable record are dispatched together,
 * then that record is reported by its index, so that the error handler commits what was dispatched, sends the
 * record to the dead letters and hands the rest of the batch back to the listener.
 */
@Component
class NotificationRequestListener {

    private static final LogAccessor log = new LogAccessor(NotificationRequestListener.class);

    private final Dispatch dispatch;
    private final OutcomeRelay relay;

    NotificationRequestListener(Dispatch dispatch, OutcomeRelay relay) {
        this.dispatch = dispatch;
        this.relay = relay;
    }

    @KafkaListener(
            id = Topics.DISPATCH_GROUP,
            groupId = Topics.DISPATCH_GROUP,
            topics = Topics.REQUESTS,
            // one consumer per partition of the requests (three by default): while one records its batch or
            // waits for the last send of it, the others' deliveries keep the channels' workers busy
            concurrency = "${herald.notifications.messaging.consumers:3}",
            batch = "true")
    void on(List<ConsumerRecord<String, @Nullable NotificationRequest>> records) {
        List<NotificationRequest> requests = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, @Nullable NotificationRequest> record = records.get(index);
            NotificationRequest request = record.value();
            if (request == null) {
                dispatchAndRelay(requests);
                throw new BatchListenerFailedException(
                        "unreadable notification request", UnreadableRequest.reason(record, log), index);
            }
            requests.add(request);
        }
        dispatchAndRelay(requests);
    }

    private void dispatchAndRelay(List<NotificationRequest> requests) {
        if (!requests.isEmpty()) {
            dispatch.dispatch(requests);
            relay.nudge();
        }
    }
}
