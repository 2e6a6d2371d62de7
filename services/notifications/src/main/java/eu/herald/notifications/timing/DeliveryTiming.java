package eu.herald.notifications.timing;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient.QuietHours;
import eu.herald.notifications.request.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when the deliveries of a request may go out, for every channel alike, from the request and the time it is
 * now alone: no lookup, so the immediate path costs nothing more. A request for a recipient in its quiet hours is
 * held until they end, unless it is urgent: a cancellation, or a change to a session that starts within the urgent
 * lead time (or has started: waiting would only make the news later).
 */
public final class DeliveryTiming {

    private final Duration urgentLeadTime;

    public DeliveryTiming(Duration urgentLeadTime) {
        this.urgentLeadTime = urgentLeadTime;
    }

    /** Empty when the request's deliveries go out now; otherwise until when they are held, and why. */
    public Optional<Hold> holdFor(NotificationRequest request, Instant now) {
        QuietHours quietHours = request.recipient().preferences().quietHours();
        if (quietHours == null || isUrgent(request, now)) {
            return Optional.empty();
        }
        return new QuietWindow(quietHours.from(), quietHours.to())
                .endAround(now, request.recipient().timeZone())
                .map(end -> new Hold(end, Hold.Reason.QUIET_HOURS));
    }

    boolean isUrgent(NotificationRequest request, Instant now) {
        if (request.change().kind() == ChangeKind.CANCELLED) {
            return true;
        }
        Session session = request.change().session();
        Instant start = session.start().atZone(session.zone()).toInstant();
        return start.isBefore(now.plus(urgentLeadTime));
    }
}
