package eu.herald.notifications.delivery;

import eu.herald.notifications.delivery.DeliveryClaims.Claimed;
import eu.herald.notifications.delivery.DeliveryClaims.ClaimedDigest;
import eu.herald.notifications.delivery.DeliveryOutcomes.Attempt;
import eu.herald.notifications.delivery.DeliveryOutcomes.Attempted;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.timing.Coalescing;
import eu.herald.notifications.timing.DeliveryTiming;
import eu.herald.tracing.StoredTraces;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Turns requests into deliveries ({@link Planning}) and attempts those it holds, several at a time, on their channels;
 * held ones (SCHEDULED) go to the retry scheduler. A transient failure is retried on schedule, then DEAD.
 */
@Service
public class Dispatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);
    private static final String UNKNOWN = "the request of this delivery is no longer known";

    private final DeliveryLog deliveries;
    private final DeliveryOutcomes outcomes;
    private final ErasedRecipients erasures;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final DeliveryProperties properties;
    private final Map<Channel, RetrySchedule> schedules = new EnumMap<>(Channel.class);
    private final RetryPolicy retries = new RetryPolicy(schedules);
    private final DeliveryMetrics metrics;
    private final ChannelWorkers workers = new ChannelWorkers();
    private final UnrecordedSends unrecorded = new UnrecordedSends();
    private final AttemptLoop attempts;
    private final DeliveryClaims claims;
    private final Overtaking overtaking;
    private final Planning planning;
    private final TracedSends traced;
    private final Liveness liveness;

    Dispatch(
            DeliveryLog deliveries,
            DeliveryClaims claims,
            Overtaking overtaking,
            Coalescing coalescing,
            DeliveryOutcomes outcomes,
            ErasedRecipients erasures,
            List<Notifier> notifiers,
            Clock clock,
            DeliveryProperties properties,
            DeliveryMetrics metrics,
            StoredTraces traces,
            Liveness liveness) {
        this.deliveries = deliveries;
        this.liveness = liveness;
        this.attempts = new AttemptLoop(workers, unrecorded, this::attempt, this::record, liveness::abandoned);
        this.traced = new TracedSends(traces);
        this.claims = claims;
        this.overtaking = overtaking;
        this.outcomes = outcomes;
        this.erasures = erasures;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
        for (Notifier notifier : notifiers) {
            Channel channel = notifier.channel();
            this.notifiers.put(channel, notifier);
            this.schedules.put(
                    channel,
                    new RetrySchedule(
                            notifier.retrySchedule().orElse(properties.retrySchedule()), properties.jitter()));
            int concurrency = notifier.concurrency().orElse(properties.workers());
            this.workers.add(channel, concurrency);
            this.unrecorded.add(channel, concurrency);
        }
        this.planning =
                new Planning(this.notifiers.keySet(), new DeliveryTiming(properties.urgentLeadTime()), coalescing);
    }

    /**
     * Records the deliveries of all requests in one batch, then attempts those it holds, and waits for them. What
     * was erased before a request arrived is left out of it (ADR 16).
     */
    public List<DeliveryAttempted> dispatch(List<NotificationRequest> received) {
        List<NotificationRequest> requests = erasures.withoutErased(received);
        Instant now = clock.instant();
        Instant lease = lease(now);
        Map<DeliveryId, Job> planned = planning.plan(requests, now, lease);
        List<Delivery> held = deliveries.record(
                requests, planned.values().stream().map(Job::delivery).toList(), now, lease);
        return attempts.run(
                held.stream().map(delivery -> planned.get(delivery.id())).toList(), List.of());
    }

    /**
     * Attempts the deliveries that are due (retries, held deliveries and reminders whose time has come, pending ones
     * left behind by an instance that died, daily digests), one batch of each.
     *
     * @return the most claimed of either: a full batch means there may be more
     */
    public int retryDue() {
        Instant now = clock.instant();
        List<Claimed> all = claims.claimDue(properties.retryBatchSize(), now, lease(now));
        List<Claimed> claimed = overtaking.withoutOvertaken(all, now);
        List<ClaimedDigest> digests = claims.claimDigests(properties.retryBatchSize(), now, lease(now));
        List<Job> jobs = new ArrayList<>(claimed.size() + digests.size());
        List<Attempted> unknown = new ArrayList<>();
        for (Claimed due : claimed) {
            Endpoint endpoint = due.endpoint();
            if (endpoint == null || due.request() == null) {
                unknown.add(refused(due.delivery(), UNKNOWN, now));
            } else if (Reminders.tooLate(due.delivery(), due.request(), now)) {
                unknown.add(refused(due.delivery(), "the session had begun when the reminder was due", now));
            } else {
                jobs.add(Job.of(due.delivery(), due.request(), endpoint));
            }
        }
        for (ClaimedDigest digest : digests) {
            Endpoint endpoint =
                    digest.deliveries().get(digest.deliveries().size() - 1).endpoint();
            if (endpoint == null || digest.deliveries().stream().anyMatch(due -> due.request() == null)) {
                digest.deliveries().forEach(due -> unknown.add(refused(due.delivery(), UNKNOWN, now)));
            } else {
                jobs.add(Job.digest(digest, endpoint));
            }
        }
        attempts.run(jobs, unknown);
        return Math.max(all.size(), digests.size());
    }

    private Attempted refused(Delivery delivery, String reason, Instant now) {
        return new Attempted(delivery, retries.decide(delivery, new Rejected(reason, false), now));
    }

    /** Microseconds, as PostgreSQL keeps them: the lease is compared for equality when it is renewed. */
    private Instant lease(Instant now) {
        return now.plus(properties.lease()).truncatedTo(ChronoUnit.MICROS);
    }

    private List<DeliveryAttempted> record(List<Attempted> attempted) {
        List<DeliveryAttempted> recorded = outcomes.recordAttempts(attempted, clock.instant());
        recorded.forEach(metrics::recorded);
        return recorded;
    }

    /** Attempts a job: all its deliveries (a digest has several) come to what its one send came to. */
    private List<Attempted> attempt(Job job) {
        Notifier notifier = notifiers.get(job.delivery().channel());
        if (notifier == null) {
            return List.of();
        }
        // a delivery that waited for a worker past its lease, or while this instance's liveness lapsed, may have
        // been taken over by another instance; one with half its lease left, held by an instance alive for another
        // heartbeat, cannot have been, and keeps enough of both for the send: no round trip
        Instant now = clock.instant();
        boolean alive = liveness.aliveAfter(now.plus(properties.heartbeat()));
        for (Delivery delivery : job.deliveries()) {
            Instant heldUntil = delivery.nextAttemptAt();
            boolean fresh = alive
                    && heldUntil != null
                    && heldUntil.isAfter(now.plus(properties.lease().dividedBy(2)));
            if (heldUntil == null || !fresh && !deliveries.renew(delivery, heldUntil, lease(now))) {
                log.info("delivery {} was taken over while it waited; not attempted here", delivery.id());
                return List.of();
            }
        }
        job.deliveries().forEach(metrics::attempting);
        DeliveryResult result = traced.send(job, () -> send(notifier, job));
        Attempt attempt = retries.decide(job.delivery(), result, clock.instant());
        return job.deliveries().stream()
                .map(delivery -> new Attempted(delivery, attempt))
                .toList();
    }

    private static DeliveryResult send(Notifier notifier, Job job) {
        try {
            return job.message().apply(notifier);
        } catch (RuntimeException e) {
            // a notifier reports expected failures as results; anything else is a defect in rendering or
            // sending that another attempt would repeat, so it is recorded as a failure, visible in the log
            log.error(
                    "notifier {} failed on delivery {}",
                    notifier.channel(),
                    job.delivery().id(),
                    e);
            return new Rejected("unexpected error: " + e, false);
        }
    }

    /** Lets the deliveries being attempted finish and be recorded before the application stops. */
    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown(clock);
    }
}
