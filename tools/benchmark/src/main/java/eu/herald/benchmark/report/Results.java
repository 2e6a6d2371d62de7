package eu.herald.benchmark.report;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything one run of the benchmark measured, as written to {@code results.json}. */
public record Results(String startedAt, String command, Machine machine, List<ScenarioResult> scenarios) {

    /**
     * Where the figures were taken: they mean little without it.
     *
     * @param postgresql what a commit waits for, as the server reported it ({@code synchronous_commit=on, fsync=on})
     * @param kafkaBroker the broker JVM's options, which Herald's and the Kafka ceiling's rates both depend on
     */
    public record Machine(
            String cpu,
            int cores,
            long memoryMiB,
            String os,
            String java,
            String smtpSink,
            String webhookSink,
            String postgresql,
            String kafkaBroker) {}

    /**
     * One scenario: a fan-out ({@code email}, {@code webhook}, {@code mixed}), the small fan-out
     * latency scenario ({@code latency}) or the release of a fan-out held in quiet hours ({@code held-webhook}).
     *
     * @param release how the held deliveries were recorded and released, for {@code held-webhook} only; its
     *     delivery rate and latencies are then counted from the quiet window's end
     * @param series cumulative deliveries (and requests) over the seconds since the change (since the quiet
     *     window's end when held), for the chart
     */
    public record ScenarioResult(
            String name,
            int municipalities,
            int expectedDeliveries,
            @Nullable Rate matcher,
            @Nullable Release release,
            Rate delivery,
            Latency latency,
            Correctness correctness,
            List<ProcessUsage> processes,
            List<Ceiling> ceilings,
            List<Target> targets,
            Map<String, List<double[]>> series,
            List<String> notes) {}

    /**
     * @param seconds from the change's commit to the last of {@code count}
     * @param perSecond {@code count / seconds}
     */
    public record Rate(long count, double seconds, double perSecond) {}

    /**
     * A fan-out held in quiet hours, then released by the retry scheduler when the window ended.
     *
     * @param windowEnd when the quiet hours ended and the deliveries became due
     * @param recordedSeconds the change's commit → every delivery in the delivery log (polled every 0.1 s)
     * @param windowSeconds the change's commit → the window's end
     * @param allHeld every delivery was recorded {@code SCHEDULED} before the window ended: what follows is a
     *     release alone
     * @param firstDeliveryMillis the window's end → the first delivery received, or null when none arrived
     * @param early deliveries received before the window ended (none, when the hold works)
     */
    public record Release(
            String windowEnd,
            double recordedSeconds,
            double windowSeconds,
            boolean allHeld,
            @Nullable Double firstDeliveryMillis,
            long early) {}

    /** Change commit → sink receipt, in milliseconds, over the first receipt of each delivery. */
    public record Latency(long samples, double p50, double p95, double p99, double max) {}

    /**
     * @param distinctReceived expected deliveries that arrived at least once
     * @param duplicates arrivals beyond the first of the same id
     * @param unexpected arrivals of ids no seeded endpoint should have received
     * @param refused arrivals without an id or with a bad signature
     */
    public record Correctness(
            long expected, long distinctReceived, long missing, long duplicates, long unexpected, long refused) {

        public boolean exact() {
            return missing == 0 && duplicates == 0 && unexpected == 0 && refused == 0;
        }
    }

    /**
     * @param cpuSeconds user + system CPU during the scenario (from the change until every delivery's outcome
     *     was relayed and read by subscriptions)
     * @param peakRssMiB the process's peak resident memory (VmHWM; for PostgreSQL the sampled peak of its
     *     processes' private memory plus the shared memory once)
     * @param heapAfterGcMiB the largest heap left after a collection during the scenario (the live set, and what
     *     the collection did not reach), from the JVM's GC log; services only
     */
    public record ProcessUsage(
            String name,
            double cpuSeconds,
            double peakRssMiB,
            @Nullable Double heapAfterGcMiB) {}

    /**
     * A raw ceiling measured in the same run: the same broker or sink driven by a bare client.
     *
     * @param heraldShare Herald's rate over this rate
     */
    public record Ceiling(String name, String how, Rate rate, double heraldShare) {}

    /** A target of the issue, with the figure measured against it. */
    public record Target(String what, String measured, boolean met) {}
}
