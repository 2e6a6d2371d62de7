package eu.herald.subscriptions.matching;

import java.util.List;

/** Where the matcher hands its requests over; implemented by the messaging adapter. */
public interface NotificationRequests {

    /** Sends the requests and returns once the broker has them (within the current transaction). */
    void publish(List<NotificationRequested> requests);
}
