package eu.herald.benchmark;

import eu.herald.benchmark.FaultResult.Recovery;
import eu.herald.benchmark.sink.Receipts;
import eu.herald.local.LocalStack;
import eu.herald.local.ServiceInstance;
import eu.herald.testsupport.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * What the suite does to Herald during one fan-out, on a thread of its own while the run counts the deliveries:
 * each fault's steps at their points of progress, noted in {@link FaultMarks} with what each recovery took.
 */
final class FaultActions {

    /** What Herald promises after a notifier or a matcher dies: its work resumes elsewhere within this. */
    static final double RESUME_LIMIT_SECONDS = 30;

    private final FaultStack stack;
    private final FaultOptions options;
    private final Deliveries deliveries;
    private final long expected;
    private final FaultMarks marks = new FaultMarks();
    private final List<CompletableFuture<Void>> restarts = new ArrayList<>();
    /** The labels of the instances killed and not ready again yet. */
    private final Set<String> restarting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private volatile boolean over;
    private @Nullable TopicWatch uncommitted;
    private final AtomicLong produced = new AtomicLong();

    FaultActions(FaultStack stack, FaultOptions options, Deliveries deliveries, long expected) {
        this.stack = stack;
        this.options = options;
        this.deliveries = deliveries;
        this.expected = expected;
    }

    /** What must watch from before the change: the requests as the matcher writes them, committed or not. */
    void before(Fault fault) {
        if (fault == Fault.SUBSCRIPTIONS_KILL) {
            uncommitted = TopicWatch.fromEnd(
                    stack.stack().kafka(), FanOutRun.REQUESTS, record -> produced.incrementAndGet(), false);
        }
    }

    /** Runs the fault's steps; returns once each was done (restarts may still be under way). */
    void run(Fault fault, Catalogue.Change change, FaultLedger ledger) {
        marks.from(change.occurredAtMicros());
        switch (fault) {
            case NOTIFIER_KILL -> killNotifiers();
            case SUBSCRIPTIONS_KILL -> killMatcher(change, ledger);
            case BROKER_KILL -> bounceBroker(true);
            case BROKER_RESTART -> bounceBroker(false);
            case SINK_OUTAGE -> takeSinksDown();
            case POSTGRES_KILL -> crashPostgres();
            case SCALE_OUT -> scaleOut();
        }
    }

    private void killNotifiers() {
        List<ServiceInstance> notifiers = stack.notifiers();
        int next = 1;
        for (double at : options.killPoints()) {
            // a kill that leaves no notifier up would say nothing about taking work over: the one killed before must
            // be back. The victim is chosen ahead, so that the kill itself happens at its point of progress
            if (!await(() -> up(notifiers) >= 2 && stack.holdingPartitions() >= 2)) {
                marks.note("The fan-out ended before the kill planned at " + percent(at) + ".");
                return;
            }
            ServiceInstance victim = null;
            for (int tried = 0; tried < notifiers.size() && victim == null; tried++) {
                ServiceInstance candidate = notifiers.get((next + tried) % notifiers.size());
                // one that does its share: running and holding partitions (not one still starting again)
                if (up(candidate)
                        && !stack.memberIds(FaultStack.DISPATCH_GROUP, candidate.label())
                                .isEmpty()) {
                    victim = candidate;
                    next = (next + tried + 1) % notifiers.size();
                }
            }
            if (victim == null) {
                marks.note("No notifier held partitions to be killed at " + percent(at) + ".");
                continue;
            }
            String notifier = FaultLedger.notifierId(stack.notifications(), victim.label());
            Set<String> members = stack.memberIds(FaultStack.DISPATCH_GROUP, victim.label());
            if (!awaitProgress(at)) {
                marks.note("The fan-out ended before the kill planned at " + percent(at) + ".");
                return;
            }
            long killed = Receipts.nowMicros();
            victim.kill();
            marks.killed();
            String progress = percent(deliveries.received() / (double) expected);
            marks.mark("SIGKILL " + victim.label() + " at " + progress);
            String when = " of " + victim.label() + ", killed at " + progress;
            marks.recovery(
                    "its partitions taken over" + when,
                    killed,
                    () -> !stack.anyOf(FaultStack.DISPATCH_GROUP, members),
                    RESUME_LIMIT_SECONDS);
            marks.recovery(
                    "the deliveries it held taken over" + when,
                    killed,
                    () -> stack.heldBy(notifier) == 0,
                    RESUME_LIMIT_SECONDS);
            restartLater(victim);
        }
    }

    private void killMatcher(Catalogue.Change change, FaultLedger ledger) {
        TopicPartition partition = new TopicPartition(Catalogue.CHANGES, change.partition());
        long requests = options.municipalitiesFor(Fault.SUBSCRIPTIONS_KILL);
        long enough = Math.max(1, requests / 10);
        if (!await(() -> produced.get() >= enough)) {
            marks.note("The matcher wrote no requests to kill it during.");
            return;
        }
        FaultStack.Member matcher = stack.members(FaultStack.MATCHER_GROUP).stream()
                .filter(member -> member.partitions().contains(partition))
                .findFirst()
                .orElse(null);
        ServiceInstance victim = matcher == null
                ? null
                : stack.subscriptions().stream()
                        .filter(instance -> instance.label().equals(matcher.label()))
                        .findFirst()
                        .orElse(null);
        if (victim == null) {
            marks.note("No member of " + FaultStack.MATCHER_GROUP + " held " + partition + " to kill.");
            return;
        }
        Set<String> members = stack.memberIds(FaultStack.MATCHER_GROUP, victim.label());
        long committed = ledger.requests();
        long killed = Receipts.nowMicros();
        victim.kill();
        marks.killed();
        marks.mark(String.format(
                Locale.ROOT,
                "SIGKILL %s (the matcher of the change): %,d requests written, %,d committed",
                victim.label(),
                produced.get(),
                committed));
        marks.recovery(
                "the change's partition taken over from " + victim.label(),
                killed,
                () -> !stack.anyOf(FaultStack.MATCHER_GROUP, members),
                RESUME_LIMIT_SECONDS);
        marks.recovery("every request committed, from the kill", killed, () -> ledger.requests() >= requests, null);
        restartLater(victim);
    }

    private void bounceBroker(boolean crash) {
        KafkaBroker kafka = stack.stack().herald().kafka();
        downAndBack(
                crash ? kafka::kill : kafka::stop,
                crash ? "SIGKILL the Kafka broker at 30 %" : "Kafka broker stopped (SIGTERM) at 30 %",
                options.restartAfter(),
                kafka::start,
                "Kafka broker back",
                "the broker's return");
    }

    private void takeSinksDown() {
        BenchmarkStack sinks = stack.stack();
        downAndBack(
                () -> {
                    sinks.smtp().pause();
                    sinks.webhooks().pause();
                },
                "SMTP and webhook sinks down at 30 %",
                options.outage(),
                () -> {
                    sinks.smtp().resume();
                    sinks.webhooks().resume();
                },
                "sinks back",
                "the sinks' return (the next retry)");
    }

    private void crashPostgres() {
        LocalStack herald = stack.stack().herald();
        downAndBack(
                herald::crashPostgres,
                "SIGKILL PostgreSQL (server and backends) at 30 %",
                options.restartAfter(),
                herald::restartPostgres,
                "PostgreSQL back (crash recovery done)",
                "PostgreSQL's return");
    }

    /** At 30 % of the deliveries, takes something away, then brings it back after a while. */
    private void downAndBack(Runnable down, String gone, Duration away, Runnable up, String back, String fromWhen) {
        if (!awaitProgress(0.3)) {
            return;
        }
        long downAt = Receipts.nowMicros();
        down.run();
        marks.mark(gone);
        FanOutRun.pause(away.toMillis());
        up.run();
        long backAt = Receipts.nowMicros();
        marks.mark(back);
        marks.recoveryFromArrivals(arrivals -> new Recovery(
                "deliveries back to half their rate, from " + fromWhen,
                FaultTimeline.resumed(arrivals, downAt, backAt),
                null));
    }

    private void scaleOut() {
        if (!awaitProgress(0.05)) {
            return;
        }
        List<ServiceInstance> joining =
                stack.notifiers().subList(1, stack.notifiers().size());
        long alone = Receipts.nowMicros();
        joining.forEach(ServiceInstance::launch);
        marks.mark("starting " + labels(joining));
        joining.forEach(ServiceInstance::awaitReady);
        marks.mark(labels(joining) + " ready");
        int instances = stack.notifiers().size();
        if (!await(() -> stack.holdingPartitions() == instances)) {
            marks.note("The fan-out ended before all notifiers held partitions: no rate at " + instances + ".");
            marks.rate(arrivals -> FaultTimeline.rate("one notifier", arrivals, marks.origin(), alone));
            return;
        }
        long together = Receipts.nowMicros();
        marks.mark(instances + " notifiers hold partitions");
        await(() -> Receipts.nowMicros() - together > 10_000_000L || deliveries.received() >= expected * 0.85);
        ServiceInstance leaving = joining.get(0);
        Set<String> members = stack.memberIds(FaultStack.DISPATCH_GROUP, leaving.label());
        long term = Receipts.nowMicros();
        marks.mark("SIGTERM " + leaving.label() + " (a rolling update)");
        leaving.stop();
        marks.mark(leaving.label() + " gone");
        marks.rate(arrivals -> FaultTimeline.rate("one notifier", arrivals, marks.origin(), alone));
        marks.rate(arrivals -> FaultTimeline.rate(instances + " notifiers", arrivals, together, term));
        marks.recovery(
                "partitions of " + leaving.label() + " taken over after its SIGTERM",
                term,
                () -> !stack.anyOf(FaultStack.DISPATCH_GROUP, members),
                RESUME_LIMIT_SECONDS);
    }

    private void restartLater(ServiceInstance victim) {
        restarting.add(victim.label());
        FanOutRun.pause(options.restartAfter().toMillis());
        marks.mark("restarting " + victim.label());
        restarts.add(FaultStack.restart(victim).thenRun(() -> {
            restarting.remove(victim.label());
            marks.mark(victim.label() + " ready again");
        }));
    }

    /** How many of the instances are up. */
    private long up(List<ServiceInstance> instances) {
        return instances.stream().filter(this::up).count();
    }

    /** Whether the instance runs and is not starting again after a kill. */
    private boolean up(ServiceInstance instance) {
        return instance.isRunning() && !restarting.contains(instance.label());
    }

    /** Tells the steps still waiting for progress that the run is over. */
    void over() {
        over = true;
    }

    /** What the run noted, once the restarts are over; the watch it started is stopped. */
    FaultMarks marks() {
        restarts.forEach(CompletableFuture::join);
        if (uncommitted != null) {
            uncommitted.close();
        }
        return marks;
    }

    private boolean awaitProgress(double fraction) {
        return await(() -> deliveries.received() >= expected * fraction);
    }

    /** Waits until the condition holds, or the run is over. */
    private boolean await(BooleanSupplier condition) {
        while (!over) {
            if (condition.getAsBoolean()) {
                return true;
            }
            FanOutRun.pause(50);
        }
        return condition.getAsBoolean();
    }

    private static String labels(List<ServiceInstance> instances) {
        return instances.stream().map(ServiceInstance::label).collect(Collectors.joining(" and "));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
