package eu.herald.notifications.delivery;

import eu.herald.notifications.delivery.DeliveryOutcomes.Attempted;
import eu.herald.notifications.request.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * Bounds, per channel, the sends of this instance that are under way or done and not yet recorded, to the channel's
 * workers: a send takes one of the channel's permits before it starts and gives it back once its attempt is committed
 * (at once when nothing was sent). A crash between sends and their record repeats at most that many sends (ADR 24).
 * Without the bound the workers went on sending while the sends they had finished waited for a slow commit, and a
 * notifier killed under load left three times as many sent and unrecorded as it had workers.
 */
final class UnrecordedSends {

    /** A job's attempts, and whether its send holds a permit until they are recorded. */
    record Sent(Channel channel, boolean holdsPermit, List<Attempted> attempts) {}

    private final Map<Channel, Semaphore> permits = new EnumMap<>(Channel.class);

    void add(Channel channel, int workers) {
        permits.put(channel, new Semaphore(workers));
    }

    /** Runs the attempt once the channel has a permit to spare; keeps it when something was sent. */
    Sent attempt(Channel channel, Callable<List<Attempted>> attempt) throws Exception {
        Semaphore permit = permits.get(channel);
        permit.acquire();
        boolean sent = false;
        try {
            List<Attempted> attempts = attempt.call();
            sent = !attempts.isEmpty();
            return new Sent(channel, sent, attempts);
        } finally {
            if (!sent) {
                permit.release();
            }
        }
    }

    /** Gives back the permits of sends whose attempts are committed, or that will never be (their leases decide). */
    void release(Map<Channel, Integer> held) {
        held.forEach((channel, count) -> permits.get(channel).release(count));
        held.clear();
    }
}
