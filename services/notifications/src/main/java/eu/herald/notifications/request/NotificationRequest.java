package eu.herald.notifications.request;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * What subscriptions asks us to deliver: one session change, one recipient and its endpoints.
 *
 * @param reminders how long before the session's start the recipient asked to be reminded (from its subscriptions
 *     that matched the change), longest first; empty for none
 */
public record NotificationRequest(
        RequestId id, SessionChange change, Recipient recipient, List<Endpoint> endpoints, List<Duration> reminders) {

    public NotificationRequest {
        endpoints = List.copyOf(endpoints);
        reminders = reminders == null
                ? List.of()
                : reminders.stream()
                        .distinct()
                        .sorted(Comparator.reverseOrder())
                        .toList();
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a notification request needs at least one endpoint");
        }
    }

    /** A request without reminders. */
    public NotificationRequest(RequestId id, SessionChange change, Recipient recipient, List<Endpoint> endpoints) {
        this(id, change, recipient, endpoints, List.of());
    }
}
