package eu.herald.subscriptions.matching;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Turns one session change into exactly one notification request per affected municipality.
 *
 * <p>Recipients are streamed and requests sent in batches, so a change that concerns every
 * municipality needs no more memory than one that concerns a few. The caller provides the
 * transaction that makes the requests visible together with the consumption of the change.
 */
@Service
public class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final Recipients recipients;
    private final NotificationRequests requests;
    private final JsonMapper json;
    private final int batchSize;

    FanOut(Recipients recipients, NotificationRequests requests, JsonMapper json, SubscriptionsProperties properties) {
        this.recipients = recipients;
        this.requests = requests;
        this.json = json;
        this.batchSize = properties.matcher().batchSize();
    }

    /** Publishes the requests the change calls for and returns how many. */
    public int distribute(SessionChange change) {
        RawValue written = NotificationRequested.written(change, json);
        List<NotificationRequested> batch = new ArrayList<>(batchSize);
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(List.of(CompletableFuture.completedFuture(null)));
        int[] published = {0};
        recipients.affectedBy(change, affected -> {
            batch.add(NotificationRequested.of(change.changeId(), written, affected));
            if (batch.size() == batchSize) {
                published[0] += flush(batch, inFlight);
            }
        });
        published[0] += flush(batch, inFlight);
        inFlight.get(0).join();
        log.info(
                "{} change {} of session {} (version {}): {} notification requests",
                change.kind(),
                change.changeId(),
                change.sessionId(),
                change.session().path("version").asInt(),
                published[0]);
        return published[0];
    }

    /**
     * Hands the batch to the producer, then waits for the previous one: the broker works on one
     * batch while the next is selected, and at most two batches are held in memory. A failed batch
     * fails the fan-out, and with it the transaction.
     */
    private int flush(List<NotificationRequested> batch, List<CompletableFuture<Void>> inFlight) {
        int size = batch.size();
        if (size > 0) {
            CompletableFuture<Void> sent = requests.publish(List.copyOf(batch));
            batch.clear();
            inFlight.get(0).join();
            inFlight.set(0, sent);
        }
        return size;
    }
}
