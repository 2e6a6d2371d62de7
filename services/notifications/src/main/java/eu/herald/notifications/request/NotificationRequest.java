package eu.herald.notifications.request;

import java.util.List;

/** What subscriptions asks us to deliver: one session change, one recipient and its endpoints. */
public record NotificationRequest(RequestId id, SessionChange change, Recipient recipient, List<Endpoint> endpoints) {

    public NotificationRequest {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a notification request needs at least one endpoint");
        }
    }
}
