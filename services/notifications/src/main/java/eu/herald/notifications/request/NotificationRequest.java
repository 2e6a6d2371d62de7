package eu.herald.notifications.request;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What subscriptions asks us to deliver: one session change, one recipient and its endpoints.
 *
 * @param reminders how long before the session's start the recipient asked to be reminded (from its subscriptions
 *     that matched the change), longest first; empty for none
 * @param traceparent the W3C trace context its Kafka record carried (the trace of the change, from the operator's
 *     request on), which its deliveries keep and send in; null when the record carried none
 */
public record NotificationRequest(
        RequestId id,
        SessionChange change,
        Recipient recipient,
        List<Endpoint> endpoints,
        List<Duration> reminders,
        @Nullable String traceparent) {

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

    /** A request read from a message alone, not traced. */
    public NotificationRequest(
            RequestId id,
            SessionChange change,
            Recipient recipient,
            List<Endpoint> endpoints,
            List<Duration> reminders) {
        this(id, change, recipient, endpoints, reminders, null);
    }

    /** A request without reminders. */
    public NotificationRequest(RequestId id, SessionChange change, Recipient recipient, List<Endpoint> endpoints) {
        this(id, change, recipient, endpoints, List.of());
    }

    /** The same request in the trace its record named. */
    public NotificationRequest traced(@Nullable String traceparent) {
        return new NotificationRequest(id, change, recipient, endpoints, reminders, traceparent);
    }
}
