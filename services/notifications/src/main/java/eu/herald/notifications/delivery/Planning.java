package eu.herald.notifications.delivery;

import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.SessionId;
import eu.herald.notifications.timing.Coalescing;
import eu.herald.notifications.timing.DeliveryTiming;
import eu.herald.notifications.timing.Hold;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries a batch of requests makes, one per endpoint, each to go out now or held (and why), and the reminders
 * its subscriptions asked for. The same request twice in one batch still yields one delivery each.
 */
final class Planning {

    private static final Logger log = LoggerFactory.getLogger(Planning.class);

    private final Set<Channel> sendable;
    private final DeliveryTiming timing;
    private final Coalescing coalescing;

    Planning(Set<Channel> sendable, DeliveryTiming timing, Coalescing coalescing) {
        this.sendable = Set.copyOf(sendable);
        this.timing = timing;
        this.coalescing = coalescing;
    }

    /** @param lease the hold the dispatcher takes on what goes out now */
    Map<DeliveryId, Job> plan(List<NotificationRequest> all, Instant now, Instant lease) {
        Map<SessionId, Instant> windows = coalescing.windowsFor(all, now);
        Map<DeliveryId, Job> planned = new LinkedHashMap<>();
        for (NotificationRequest request : all) {
            Hold hold = timing.holdFor(
                            request, now, windows.get(request.change().session().id()))
                    .orElse(null);
            for (Endpoint endpoint : request.endpoints()) {
                boolean canSend = sendable.contains(endpoint.channel());
                Delivery delivery = canSend && hold != null
                        ? Delivery.scheduled(request, endpoint, now, hold)
                        : Delivery.pending(request, endpoint, now, canSend ? lease : null);
                planned.putIfAbsent(delivery.id(), Job.of(delivery, request, endpoint));
                if (!canSend) {
                    // kept PENDING and visible in the log until a notifier for the channel exists
                    log.info("no notifier for {} yet; delivery {} stays pending", endpoint.channel(), delivery.id());
                    continue;
                }
                Reminders.of(request, endpoint, now)
                        .forEach(reminder -> planned.putIfAbsent(reminder.id(), Job.of(reminder, request, endpoint)));
            }
        }
        return planned;
    }
}
