package eu.herald.benchmark;

import eu.herald.benchmark.Municipalities.Endpoint;
import eu.herald.benchmark.report.Percentiles;
import eu.herald.benchmark.report.Results.Ceiling;
import eu.herald.benchmark.report.Results.Correctness;
import eu.herald.benchmark.report.Results.Latency;
import eu.herald.benchmark.report.Results.ProcessUsage;
import eu.herald.benchmark.report.Results.Rate;
import eu.herald.benchmark.report.Results.Release;
import eu.herald.benchmark.report.Results.ScenarioResult;
import eu.herald.benchmark.report.Results.Target;
import eu.herald.benchmark.sink.Receipts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release of held deliveries: N municipalities with a webhook each, all in quiet hours that end at a minute
 * boundary shortly after the change; the change moves the session a week ahead (not urgent), so notifications records
 * every delivery SCHEDULED, and the retry scheduler claims and sends them when the window ends. Measured: the change's
 * commit → every delivery recorded; then from the window's end the first delivery's delay, the release rate, each
 * delivery's latency and each process's resources; then the bare webhook client on the same sink.
 */
final class HeldReleaseRun {

    private static final Logger log = LoggerFactory.getLogger(HeldReleaseRun.class);
    private static final Scenario SCENARIO = Scenario.HELD_WEBHOOK;
    /** Well past the urgent lead time (24 h): a change to a session that starts sooner is never held. */
    private static final int DAYS_AHEAD = 7;

    private static final long RECORDED_POLL_MILLIS = 100;
    private static final String RECORDED = """
            select count(*), count(*) filter (where status = 'SCHEDULED') from delivery where change_id = ?
            """;

    private final BenchmarkOptions options;

    HeldReleaseRun(BenchmarkOptions options) {
        this.options = options;
    }

    ScenarioResult run(BenchmarkStack stack) {
        int n = options.municipalities();
        int warmUp = Math.min(n, options.warmUp());
        log.info("{}: warming up with one held change to {} municipalities", SCENARIO.label(), warmUp);
        holdAndRelease(stack, warmUp);
        log.info("{}: one held change to {} municipalities", SCENARIO.label(), n);
        Held held = holdAndRelease(stack, n);

        long end = Catalogue.micros(held.window().ends());
        long committed = held.change().occurredAtMicros();
        Deliveries deliveries = held.deliveries();
        Correctness correctness = deliveries.correctness();
        Rate release = deliveries.received() == 0
                ? new Rate(0, 0, 0)
                : RawCeilings.rate(deliveries.received(), end, deliveries.lastArrivalMicros());
        Latency latency = Percentiles.of(deliveries.latencies());
        Recorded recorded = held.recorded();
        long early = deliveries.arrivedBefore(end);
        boolean allHeld = recorded.scheduled() == held.endpoints().size() && recorded.atMicros() < end;
        Release figures = new Release(
                held.window().ends().toString(),
                seconds(recorded.atMicros() - committed),
                seconds(end - committed),
                allHeld,
                deliveries.received() == 0 ? null : Math.round((deliveries.firstArrivalMicros() - end) / 100.0) / 10.0,
                early);
        log.info(
                "{}: recorded in {} s, window ended after {} s; first delivery after {} ms, {} of {} in {} s ({} /s)",
                SCENARIO.label(),
                figures.recordedSeconds(),
                figures.windowSeconds(),
                figures.firstDeliveryMillis(),
                correctness.distinctReceived(),
                correctness.expected(),
                release.seconds(),
                release.perSecond());

        List<String> notes = new ArrayList<>(held.notes());
        notes.add(String.format(
                Locale.ROOT,
                "Measured after one unmeasured held change to %,d municipalities, released the same way (compiled"
                        + " code of the claim path too, open connections).",
                warmUp));
        notes.add("Delivery rate, latencies and resources from the quiet window's end, when the deliveries became due:"
                + " the retry scheduler claims them with the service's default retry-batch-size and"
                + " retry-poll-interval.");
        if (!allHeld || early > 0) {
            notes.add("Not every delivery was held until the window's end, so the release is not measured alone:"
                    + " give the change more time with --hold-margin.");
        }
        List<Ceiling> ceilings = List.of();
        // what Herald posted: the bare client sends the same bytes
        byte @Nullable [] body = stack.webhooks().lastBody();
        if (options.ceilings() && body != null) {
            log.info("{}: raw ceiling", SCENARIO.label());
            Rate bare = FanOutRun.bareWebhooks(stack, options, held.endpoints(), body);
            ceilings = List.of(FanOutRun.webhookCeiling(options, stack.webhooks(), bare, body, release));
            notes.add("The raw ceiling ran after Herald's deliveries, on the same sink, with the services idle.");
        }
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(
                "every delivery recorded SCHEDULED before the quiet window ends",
                String.format(
                        Locale.ROOT,
                        "%,d of %,d held; recorded %.1f s after the change, the window ended after %.1f s",
                        recorded.scheduled(),
                        held.endpoints().size(),
                        figures.recordedSeconds(),
                        figures.windowSeconds()),
                allHeld && early == 0));
        targets.addAll(FanOutRun.sharedTargets(correctness, held.usage(), ceilings));
        return new ScenarioResult(
                SCENARIO.label(),
                n,
                held.endpoints().size(),
                null,
                figures,
                release,
                latency,
                correctness,
                held.usage(),
                ceilings,
                targets,
                Map.of("released deliveries", deliveries.cumulative(end)),
                notes);
    }

    /**
     * Seeds the municipalities in quiet hours that end a margin from now, makes the change and waits until it is
     * recorded, then until the window's end, and from there until every delivery arrived.
     */
    private Held holdAndRelease(BenchmarkStack stack, int count) {
        QuietWindow window = QuietWindow.endingAfter(Instant.now(), options.holdMargin(count));
        List<Endpoint> endpoints = Municipalities.seed(
                stack.jdbcUrl("subscriptions"), count, SCENARIO.channels(), stack.webhooks(), window);
        Deliveries deliveries = new Deliveries(List.of(stack.webhooks().receipts()));
        List<String> notes = new ArrayList<>();
        try (Catalogue catalogue = new Catalogue(stack.url("catalogue"), stack.kafka(), stack::operatorToken);
                OutcomeWatch outcomes = OutcomeWatch.fromEnd(stack.kafka())) {
            LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(DAYS_AHEAD);
            log.info(
                    "{}: quiet hours until {}; moving the networking session to {}",
                    SCENARIO.label(),
                    window.ends(),
                    day);
            Catalogue.Change change = catalogue.reschedule(day);
            deliveries.expect(change, endpoints, Catalogue.micros(window.ends()));
            Recorded recorded = awaitRecorded(stack, change, endpoints.size());
            log.info(
                    "{}: {} deliveries recorded, {} of them SCHEDULED; releasing at {}",
                    SCENARIO.label(),
                    recorded.deliveries(),
                    recorded.scheduled(),
                    window.ends());
            // listed before the wait: it scans every process on the machine
            Map<String, ProcessHandle> processes = stack.processes();
            pauseUntil(window.ends());
            ResourceMonitor monitor = new ResourceMonitor(processes, stack.gcLogs());
            deliveries.awaitAll(options.stall(), 20);
            // the work does not end with the last delivery: its outcomes are relayed and recorded in the history
            if (!outcomes.awaitProcessed(change.changeId(), endpoints.size(), options.stall())) {
                notes.add("Herald had not relayed and recorded every outcome when resources were last counted.");
            }
            List<ProcessUsage> usage = monitor.usage();
            // a little longer, for a duplicate that follows its original
            FanOutRun.pause(2_000);
            deliveries.collect();
            return new Held(window, change, endpoints, deliveries, recorded, usage, notes);
        }
    }

    /**
     * Polls the delivery log until every delivery of the change is recorded, or none more has been for the stall
     * time.
     */
    private Recorded awaitRecorded(BenchmarkStack stack, Catalogue.Change change, int count) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("notifications"));
                PreparedStatement statement = connection.prepareStatement(RECORDED)) {
            statement.setObject(1, UUID.fromString(change.changeId()));
            long lastProgress = System.nanoTime();
            long previous = -1;
            while (true) {
                Recorded recorded;
                try (ResultSet counts = statement.executeQuery()) {
                    counts.next();
                    recorded = new Recorded(counts.getLong(1), counts.getLong(2), Receipts.nowMicros());
                }
                if (recorded.deliveries() >= count) {
                    return recorded;
                }
                if (recorded.deliveries() != previous) {
                    previous = recorded.deliveries();
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > options.stall().toNanos()) {
                    log.warn(
                            "{}: nothing recorded for {} s; going on with {} of {} deliveries",
                            SCENARIO.label(),
                            options.stall().toSeconds(),
                            recorded.deliveries(),
                            count);
                    return recorded;
                }
                FanOutRun.pause(RECORDED_POLL_MILLIS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the delivery log", e);
        }
    }

    private static void pauseUntil(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            FanOutRun.pause(millis);
        }
    }

    private static double seconds(long micros) {
        return Math.round(micros / 100_000.0) / 10.0;
    }

    /** What the delivery log held of the change when it was last read, and when (epoch µs). */
    private record Recorded(long deliveries, long scheduled, long atMicros) {}

    /** One held change: its window, what it was due to reach, what arrived, and the resources of its release. */
    private record Held(
            QuietWindow window,
            Catalogue.Change change,
            List<Endpoint> endpoints,
            Deliveries deliveries,
            Recorded recorded,
            List<ProcessUsage> usage,
            List<String> notes) {}
}
