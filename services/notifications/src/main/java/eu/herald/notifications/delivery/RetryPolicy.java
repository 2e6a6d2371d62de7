package eu.herald.notifications.delivery;

import eu.herald.notifications.delivery.DeliveryOutcomes.Attempt;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.request.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * What an attempt's result comes to: sent, failed, or a transient failure tried again on its channel's retry
 * schedule, and DEAD once the schedule is used up.
 */
final class RetryPolicy {

    private final Map<Channel, RetrySchedule> schedules;

    /** @param schedules each channel's schedule, read when a result is decided */
    RetryPolicy(Map<Channel, RetrySchedule> schedules) {
        this.schedules = schedules;
    }

    Attempt decide(Delivery delivery, DeliveryResult result, Instant now) {
        if (result instanceof Delivered delivered) {
            return new Attempt(DeliveryStatus.SENT, null, false, delivered.at(), null, result.responseStatus());
        }
        if (result instanceof Rejected rejected) {
            return new Attempt(
                    DeliveryStatus.FAILED,
                    rejected.reason(),
                    rejected.endpointGone(),
                    null,
                    null,
                    result.responseStatus());
        }
        Deferred deferred = (Deferred) result;
        int failed = delivery.attemptsInSchedule() + 1;
        return schedules
                .get(delivery.channel())
                .next(failed, now)
                // the receiver's Retry-After is honoured: never sooner than it asked, later if the schedule says so
                .map(next ->
                        deferred.retryAfter() != null && deferred.retryAfter().isAfter(next)
                                ? deferred.retryAfter()
                                : next)
                .map(next -> new Attempt(
                        DeliveryStatus.RETRYING, deferred.reason(), false, null, next, result.responseStatus()))
                .orElseGet(() -> new Attempt(
                        DeliveryStatus.DEAD,
                        "gave up after " + failed + " attempts: " + deferred.reason(),
                        false,
                        null,
                        null,
                        result.responseStatus()));
    }
}
