package eu.herald.benchmark;

import eu.herald.benchmark.Municipalities.Endpoint;
import eu.herald.benchmark.report.Percentiles;
import eu.herald.benchmark.report.Results.Correctness;
import eu.herald.benchmark.report.Results.Latency;
import eu.herald.benchmark.report.Results.ProcessUsage;
import eu.herald.benchmark.report.Results.Rate;
import eu.herald.benchmark.report.Results.ScenarioResult;
import eu.herald.benchmark.report.Results.Target;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small fan-out: 100 subscribers by email and 20 changes, each made once the previous one is
 * delivered and the system has been idle for a second; change commit → email received, over all of
 * them.
 */
final class LatencyRun {

    private static final Logger log = LoggerFactory.getLogger(LatencyRun.class);
    private static final long IDLE_MILLIS = 1_000;

    private final BenchmarkOptions options;

    LatencyRun(BenchmarkOptions options) {
        this.options = options;
    }

    ScenarioResult run(BenchmarkStack stack) {
        int subscribers = options.latencySubscribers();
        FanOutRun.warmUp(stack, options, Scenario.LATENCY);
        List<Endpoint> endpoints = Municipalities.seed(
                stack.jdbcUrl("subscriptions"), subscribers, Scenario.LATENCY.channels(), stack.webhooks());
        Deliveries deliveries = new Deliveries(List.of(stack.smtp().receipts()));
        long first = 0;
        List<ProcessUsage> usage;
        try (Catalogue catalogue = new Catalogue(stack.url("catalogue"), stack.kafka(), stack::operatorToken)) {
            ResourceMonitor monitor = new ResourceMonitor(stack.processes(), stack.gcLogs());
            for (int round = 1; round <= options.latencyChanges(); round++) {
                FanOutRun.pause(IDLE_MILLIS);
                Catalogue.Change change = catalogue.reschedule();
                first = first == 0 ? change.occurredAtMicros() : first;
                deliveries.expect(change, endpoints);
                deliveries.awaitAll(options.stall(), 5);
                log.info(
                        "latency: change {} of {}: {} deliveries so far",
                        round,
                        options.latencyChanges(),
                        deliveries.received());
            }
            FanOutRun.pause(2_000);
            deliveries.collect();
            usage = monitor.usage();
        }
        Correctness correctness = deliveries.correctness();
        Latency latency = Percentiles.of(deliveries.latencies());
        Rate delivery = deliveries.received() == 0
                ? new Rate(0, 0, 0)
                : RawCeilings.rate(deliveries.received(), first, deliveries.lastArrivalMicros());
        log.info("latency: p50 {} ms, p99 {} ms, max {} ms", latency.p50(), latency.p99(), latency.max());
        return new ScenarioResult(
                Scenario.LATENCY.label(),
                subscribers,
                subscribers * options.latencyChanges(),
                null,
                null,
                delivery,
                latency,
                correctness,
                usage,
                List.of(),
                List.of(
                        new Target(
                                "small fan-out p99 change-to-delivery ≤ 500 ms",
                                String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms", latency.p50(), latency.p99()),
                                latency.p99() <= 500 && correctness.missing() == 0),
                        new Target(
                                "zero lost, zero duplicated deliveries",
                                String.format(
                                        Locale.ROOT,
                                        "%,d missing, %,d duplicated",
                                        correctness.missing(),
                                        correctness.duplicates()),
                                correctness.exact())),
                Map.of(),
                List.of(String.format(
                        Locale.ROOT,
                        "%d changes to %d subscribers, each after the previous one was delivered and %d ms idle;"
                                + " latency over all %,d deliveries, after an unmeasured warm-up change.",
                        options.latencyChanges(),
                        subscribers,
                        IDLE_MILLIS,
                        correctness.expected())));
    }
}
