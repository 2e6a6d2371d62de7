package eu.herald.notifications.delivery;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import java.time.Instant;
import java.util.List;

/**
 * Reminders before a session starts, as the recipient's subscriptions asked: each version of the session schedules
 * its own, held until they are due, and a newer version supersedes the older one's (a moved session moves its
 * reminders). None after a cancellation, none whose time has passed, none for a session that has begun.
 */
final class Reminders {

    private Reminders() {}

    /** The reminders of the request's session to one endpoint still to come. */
    static List<Delivery> of(NotificationRequest request, Endpoint endpoint, Instant now) {
        if (request.reminders().isEmpty() || request.change().kind() == ChangeKind.CANCELLED) {
            return List.of();
        }
        Instant start = request.change().session().startsAt();
        return request.reminders().stream()
                .filter(lead -> start.minus(lead).isAfter(now))
                .map(lead -> Delivery.reminder(request, endpoint, now, lead))
                .toList();
    }

    /** A reminder that came due only once its session had begun (every instance was down): it is not sent. */
    static boolean tooLate(Delivery delivery, NotificationRequest request, Instant now) {
        return delivery.kind() == DeliveryKind.REMINDER
                && !now.isBefore(request.change().session().startsAt());
    }
}
