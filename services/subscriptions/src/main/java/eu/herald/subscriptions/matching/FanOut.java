package eu.herald.subscriptions.matching;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    private static final int BATCHES_IN_FLIGHT = 8;

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
        Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>(BATCHES_IN_FLIGHT + 1);
        int[] published = {0};
        recipients.affectedBy(change, affected -> {
            batch.add(NotificationRequested.of(change.changeId(), written, affected));
            if (batch.size() == batchSize) {
                published[0] += flush(batch, inFlight);
            }
        });
        published[0] += flush(batch, inFlight);
        inFlight.forEach(CompletableFuture::join);
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
     * Hands the batch to the producer, and waits for the oldest batch once {@value #BATCHES_IN_FLIGHT} are in
     * flight: the broker acknowledges earlier batches while the next ones are selected (waiting for the previous
     * batch alone left the matcher idle for most of each linger and round trip), and memory stays bounded by the
     * window, not by the number of recipients. A failed batch fails the fan-out, and with it the transaction.
     */
    private int flush(List<NotificationRequested> batch, Deque<CompletableFuture<Void>> inFlight) {
        int size = batch.size();
        if (size > 0) {
            inFlight.addLast(requests.publish(List.copyOf(batch)));
            batch.clear();
            if (inFlight.size() > BATCHES_IN_FLIGHT) {
                inFlight.removeFirst().join();
            }
        }
        return size;
    }
}
