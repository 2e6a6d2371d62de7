package eu.herald.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryOutcomes.Attempted;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A crash repeats what was sent and not yet recorded: however slow a commit, no more of a channel's sends are under
 * way or waiting for their record than the channel has workers.
 */
class AttemptLoopTests {

    private static final int WORKERS = 4;

    private final ChannelWorkers workers = new ChannelWorkers();
    private final UnrecordedSends unrecorded = new UnrecordedSends();

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.shutdown(Clock.systemUTC());
    }

    @Test
    void keepsNoMoreSendsUnrecordedThanTheChannelHasWorkersWhileACommitIsSlow() {
        workers.add(Channel.WEBHOOK, WORKERS);
        unrecorded.add(Channel.WEBHOOK, WORKERS);
        AtomicInteger sentNotRecorded = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // the first commit waits until ten sends are done, or gives up on them after a while: without the bound the
        // workers send on meanwhile, and ten are soon sent and unrecorded
        CountDownLatch tenSent = new CountDownLatch(10);
        AtomicInteger sends = new AtomicInteger();
        AttemptLoop loop = new AttemptLoop(
                workers,
                unrecorded,
                job -> {
                    sends.incrementAndGet();
                    most.accumulateAndGet(sentNotRecorded.incrementAndGet(), Math::max);
                    tenSent.countDown();
                    return job.deliveries().stream()
                            .map(delivery -> new Attempted(delivery, null))
                            .toList();
                },
                attempted -> {
                    try {
                        tenSent.await(300, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    sentNotRecorded.addAndGet(-attempted.size());
                    return attempted.stream()
                            .map(attempt -> (DeliveryAttempted) null)
                            .toList();
                },
                abandoned -> {});

        List<DeliveryAttempted> recorded = loop.run(jobs(40), List.of());

        assertThat(recorded).hasSize(40);
        assertThat(sends).hasValue(40);
        assertThat(most.get()).isPositive().isLessThanOrEqualTo(WORKERS);
        assertThat(sentNotRecorded).hasValue(0);
    }

    @Test
    void givesThePermitsBackAndTheDeliveriesUpWhenARecordFails() {
        workers.add(Channel.WEBHOOK, WORKERS);
        unrecorded.add(Channel.WEBHOOK, WORKERS);
        AtomicInteger records = new AtomicInteger();
        List<Delivery> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();
        AttemptLoop loop = new AttemptLoop(
                workers,
                unrecorded,
                job -> job.deliveries().stream()
                        .map(delivery -> new Attempted(delivery, null))
                        .toList(),
                attempted -> {
                    if (records.incrementAndGet() == 1) {
                        throw new IllegalStateException("the database went away");
                    }
                    return attempted.stream()
                            .map(attempt -> (DeliveryAttempted) null)
                            .toList();
                },
                abandoned::addAll);
        List<Job> failing = jobs(20);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> loop.run(failing, List.of())))
                .hasMessage("the database went away");
        // every delivery of the round is given up to the heartbeat, which makes it due again once the database answers
        assertThat(abandoned)
                .containsExactlyInAnyOrderElementsOf(
                        failing.stream().map(Job::delivery).toList());
        // every permit is back: a later round is not starved, and sends all it has
        assertThat(loop.run(jobs(20), List.of())).hasSize(20);
    }

    private static List<Job> jobs(int count) {
        Instant now = Instant.now();
        List<Job> jobs = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> {
            Endpoint endpoint = SeedRequests.webhook(URI.create("https://hooks.example.eu/" + i));
            NotificationRequest request =
                    SeedRequests.rescheduled(SeedRequests.newChange(), SeedRequests.plock(), endpoint);
            jobs.add(Job.of(Delivery.pending(request, endpoint, now, now.plusSeconds(300)), request, endpoint));
        });
        return jobs;
    }
}
