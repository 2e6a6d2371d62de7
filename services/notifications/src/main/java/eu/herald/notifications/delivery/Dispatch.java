package eu.herald.notifications.delivery;

import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns notification requests into deliveries, one per endpoint, and attempts each one that has not been
 * attempted yet through the notifier of its channel.
 */
@Service
public class Dispatch {

    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

    private final DeliveryLog deliveries;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final Clock clock;

    Dispatch(DeliveryLog deliveries, List<Notifier> notifiers, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
    }

    /** Records the deliveries of all requests in one batch, then attempts those not attempted before. */
    public List<DeliveryAttempted> dispatch(List<NotificationRequest> requests) {
        Map<DeliveryId, Planned> planned = new LinkedHashMap<>();
        for (NotificationRequest request : requests) {
            for (Endpoint endpoint : request.endpoints()) {
                Delivery delivery = Delivery.pending(request, endpoint, clock.instant());
                // the same request twice in one batch still yields one delivery
                planned.putIfAbsent(delivery.id(), new Planned(delivery, request, endpoint));
            }
        }
        List<Delivery> toAttempt = deliveries.record(
                planned.values().stream().map(Planned::delivery).toList());
        List<DeliveryAttempted> attempts = new ArrayList<>();
        for (Delivery delivery : toAttempt) {
            Planned plan = planned.get(delivery.id());
            Notifier notifier = notifiers.get(delivery.channel());
            if (notifier == null) {
                // kept PENDING in the log until a notifier for the channel exists
                log.warn("no notifier for {} yet; delivery {} stays pending", delivery.channel(), delivery.id());
                continue;
            }
            attempts.add(deliveries.recordAttempt(delivery, attempt(notifier, plan), clock.instant()));
        }
        return attempts;
    }

    private static DeliveryResult attempt(Notifier notifier, Planned plan) {
        try {
            return notifier.send(plan.delivery().id(), plan.request(), plan.endpoint());
        } catch (RuntimeException e) {
            // a notifier reports expected failures as results; anything else is a defect in rendering or
            // sending that another attempt would repeat, so it is recorded as a failure, visible in the log
            log.error(
                    "notifier {} failed on delivery {}",
                    notifier.channel(),
                    plan.delivery().id(),
                    e);
            return new Rejected("unexpected error: " + e, false);
        }
    }

    private record Planned(Delivery delivery, NotificationRequest request, Endpoint endpoint) {}
}
