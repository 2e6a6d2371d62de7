package eu.herald.subscriptions.matching;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where the matcher hands its requests over; implemented by the messaging adapter. */
public interface NotificationRequests {

    /**
     * Sends the requests within the current transaction; the future completes once the broker has
     * them all, and fails if any could not be sent.
     */
    CompletableFuture<Void> publish(List<NotificationRequested> requests);
}
