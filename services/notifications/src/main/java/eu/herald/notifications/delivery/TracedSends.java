package eu.herald.notifications.delivery;

import eu.herald.tracing.LogFields;
import eu.herald.tracing.StoredTraces;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Puts each send in the trace of its change: a delivery is sent by a worker thread, maybe after retries and long
 * after its request was consumed, so the span of the send is opened as a child of the trace context stored with the
 * delivery, with the delivery's id as a tag. Calls the notifier makes in that span (a webhook's request) continue
 * it; the log lines of the send name the change and the delivery.
 */
final class TracedSends {

    static final String SPAN = "delivery send";

    private final StoredTraces traces;

    TracedSends(StoredTraces traces) {
        this.traces = traces;
    }

    DeliveryResult send(Job job, Supplier<DeliveryResult> send) {
        Delivery delivery = job.delivery();
        String deliveryId = delivery.id().value().toString();
        String changeId = delivery.changeId().value().toString();
        try (MDC.MDCCloseable delivering = MDC.putCloseable(LogFields.DELIVERY_ID, deliveryId);
                MDC.MDCCloseable changing = MDC.putCloseable(LogFields.CHANGE_ID, changeId)) {
            return traces.continued(
                    delivery.traceparent(),
                    SPAN,
                    Map.of(
                            LogFields.DELIVERY_ID,
                            deliveryId,
                            LogFields.CHANGE_ID,
                            changeId,
                            "herald.channel",
                            delivery.channel().name(),
                            "herald.deliveries",
                            Integer.toString(job.deliveries().size())),
                    send);
        }
    }
}
