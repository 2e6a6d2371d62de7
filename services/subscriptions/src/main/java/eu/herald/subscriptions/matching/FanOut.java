package eu.herald.subscriptions.matching;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

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
    private final int batchSize;

    FanOut(Recipients recipients, NotificationRequests requests, SubscriptionsProperties properties) {
        this.recipients = recipients;
        this.requests = requests;
        this.batchSize = properties.matcher().batchSize();
    }

    /** Publishes the requests the change calls for and returns how many. */
    public int distribute(SessionChange change) {
        List<NotificationRequested> batch = new ArrayList<>(batchSize);
        int[] published = {0};
        recipients.affectedBy(change, affected -> {
            batch.add(NotificationRequested.of(change, affected));
            if (batch.size() == batchSize) {
                published[0] += flush(batch);
            }
        });
        published[0] += flush(batch);
        log.info(
                "{} change {} of session {} (version {}): {} notification requests",
                change.kind(),
                change.changeId(),
                change.sessionId(),
                change.session().path("version").asInt(),
                published[0]);
        return published[0];
    }

    private int flush(List<NotificationRequested> batch) {
        int size = batch.size();
        if (size > 0) {
            requests.publish(List.copyOf(batch));
            batch.clear();
        }
        return size;
    }
}
