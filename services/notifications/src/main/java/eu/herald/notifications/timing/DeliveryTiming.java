package eu.herald.notifications.timing;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient.DeliveryMode;
import eu.herald.notifications.request.Recipient.Preferences;
import eu.herald.notifications.request.Recipient.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides when the deliveries of a request may go out, for every channel alike, from the request, the time it is now
 * and the session's coalescing window: no lookup of its own, so the immediate path costs nothing more.
 *
 * <ul>
 *   <li>A cancellation always goes out at once.
 *   <li>A change inside the coalescing window another change of the session opened waits for the window's end.
 *   <li>Unless it is urgent (a change to a session that starts within the urgent lead time, or has started: waiting
 *       would only make the news later), a change for a recipient that reads a daily digest waits for its next
 *       digest, and one for a recipient in its quiet hours waits for them to end.
 * </ul>
 */
public final class DeliveryTiming {

    private final Duration urgentLeadTime;

    public DeliveryTiming(Duration urgentLeadTime) {
        this.urgentLeadTime = urgentLeadTime;
    }

    /**
     * Empty when the request's deliveries go out now; otherwise until when they are held, and why.
     *
     * @param coalescedUntil the end of the coalescing window this request's change falls in, or null when it opened
     *     one or none is open
     */
    public Optional<Hold> holdFor(NotificationRequest request, Instant now, @Nullable Instant coalescedUntil) {
        if (request.change().kind() == ChangeKind.CANCELLED) {
            return Optional.empty();
        }
        Optional<Hold> coalesced = coalescedUntil == null || !coalescedUntil.isAfter(now)
                ? Optional.empty()
                : Optional.of(new Hold(coalescedUntil, Hold.Reason.COALESCING));
        if (startsSoon(request, now)) {
            return coalesced;
        }
        Optional<Hold> preferred = preferredHold(request, now);
        if (preferred.isEmpty()) {
            return coalesced;
        }
        return coalesced.map(hold -> hold.orLater(preferred.get())).or(() -> preferred);
    }

    private static Optional<Hold> preferredHold(NotificationRequest request, Instant now) {
        Preferences preferences = request.recipient().preferences();
        if (preferences.deliveryMode() == DeliveryMode.DAILY_DIGEST) {
            return Optional.of(new Hold(
                    new DailyDigest(preferences.digestTimeOrDefault())
                            .nextAfter(now, request.recipient().timeZone()),
                    Hold.Reason.DAILY_DIGEST));
        }
        QuietHours quietHours = preferences.quietHours();
        if (quietHours == null) {
            return Optional.empty();
        }
        return new QuietWindow(quietHours.from(), quietHours.to())
                .endAround(now, request.recipient().timeZone())
                .map(end -> new Hold(end, Hold.Reason.QUIET_HOURS));
    }

    /** Whether the session starts within the urgent lead time, or has started: waiting would only make the news later. */
    private boolean startsSoon(NotificationRequest request, Instant now) {
        return request.change().session().startsAt().isBefore(now.plus(urgentLeadTime));
    }
}
