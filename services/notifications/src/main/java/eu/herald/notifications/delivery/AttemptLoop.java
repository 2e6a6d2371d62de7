package eu.herald.notifications.delivery;

import eu.herald.notifications.delivery.DeliveryOutcomes.Attempted;
import eu.herald.notifications.delivery.UnrecordedSends.Sent;
import eu.herald.notifications.request.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Attempts jobs on their channels' workers and records the attempts as they complete: whatever has
 * completed by the time the previous record is committed goes into the next transaction. So a burst of fast
 * sends costs a few transactions, not one per send, and a slow send never holds back the record of the others.
 * A crash after a send and before its commit repeats that send (DESIGN.md: at least once toward the outside,
 * with stable ids the receivers deduplicate on; ADR 0009); no more sends of a channel are under way or waiting
 * for their record than the channel has workers ({@link UnrecordedSends}, ADR 24).
 */
final class AttemptLoop {

    private final ChannelWorkers workers;
    private final UnrecordedSends unrecorded;
    private final Function<Job, List<Attempted>> attempt;
    private final Function<List<Attempted>, List<DeliveryAttempted>> recordAll;
    private final Consumer<List<Delivery>> abandon;

    /**
     * @param attempt one job's send and what it came to (nothing when the job was taken over meanwhile)
     * @param recordAll commits attempts in one transaction
     * @param abandon takes the deliveries of a round that failed, whose attempts may be unrecorded
     */
    AttemptLoop(
            ChannelWorkers workers,
            UnrecordedSends unrecorded,
            Function<Job, List<Attempted>> attempt,
            Function<List<Attempted>, List<DeliveryAttempted>> recordAll,
            Consumer<List<Delivery>> abandon) {
        this.workers = workers;
        this.unrecorded = unrecorded;
        this.attempt = attempt;
        this.recordAll = recordAll;
        this.abandon = abandon;
    }

    List<DeliveryAttempted> run(List<Job> jobs, List<Attempted> alreadyDecided) {
        BlockingQueue<Future<Sent>> completed = new LinkedBlockingQueue<>();
        Map<Channel, CompletionService<Sent>> channels = new EnumMap<>(Channel.class);
        // set when this round fails: what has not begun sending by then does not begin
        AtomicBoolean abandoned = new AtomicBoolean();
        int running = 0;
        for (Job job : jobs) {
            Channel channel = job.delivery().channel();
            ExecutorService channelWorkers = workers.of(channel);
            if (channelWorkers != null) {
                channels.computeIfAbsent(channel, each -> new ExecutorCompletionService<>(channelWorkers, completed))
                        .submit(() ->
                                unrecorded.attempt(channel, () -> abandoned.get() ? List.of() : attempt.apply(job)));
                running++;
            }
        }
        List<DeliveryAttempted> recorded = new ArrayList<>(jobs.size() + alreadyDecided.size());
        boolean done = false;
        List<Attempted> ready = new ArrayList<>(alreadyDecided);
        // sends collected and not recorded yet, whose permits go back once their record is committed
        Map<Channel, Integer> held = new EnumMap<>(Channel.class);
        try {
            while (running > 0) {
                Future<Sent> next = completed.take();
                while (next != null) {
                    running--;
                    collect(next, ready, held);
                    next = completed.poll();
                }
                recorded.addAll(recordAll(ready));
                unrecorded.release(held);
            }
            recorded.addAll(recordAll(ready));
            done = true;
        } catch (InterruptedException e) {
            // attempts not recorded yet are given up as a failed round's are (below)
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while attempting deliveries", e);
        } finally {
            abandoned.set(true);
            unrecorded.release(held);
            awaitAbandoned(completed, running);
            if (!done) {
                abandon.accept(
                        jobs.stream().flatMap(job -> job.deliveries().stream()).toList());
            }
        }
        return recorded;
    }

    /**
     * After a failure (a record that could not be committed), waits for the sends still under way and gives their
     * permits back; their attempts stay unrecorded, and the round gives their deliveries up to the heartbeat.
     */
    private void awaitAbandoned(BlockingQueue<Future<Sent>> completed, int running) {
        Map<Channel, Integer> held = new EnumMap<>(Channel.class);
        for (int left = running; left > 0; left--) {
            try {
                Sent sent = completed.take().get();
                if (sent.holdsPermit()) {
                    held.merge(sent.channel(), 1, Integer::sum);
                    unrecorded.release(held);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // it gave its permit back as it failed
            }
        }
    }

    private static void collect(Future<Sent> attempt, List<Attempted> ready, Map<Channel, Integer> held)
            throws InterruptedException {
        try {
            Sent sent = attempt.get();
            ready.addAll(sent.attempts());
            if (sent.holdsPermit()) {
                held.merge(sent.channel(), 1, Integer::sum);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("attempting a delivery failed", e.getCause());
        }
    }

    private List<DeliveryAttempted> recordAll(List<Attempted> ready) {
        List<DeliveryAttempted> recorded = recordAll.apply(List.copyOf(ready));
        ready.clear();
        return recorded;
    }
}
