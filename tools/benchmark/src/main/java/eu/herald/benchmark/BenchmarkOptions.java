package eu.herald.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to run the benchmark.
 *
 * @param municipalities N, the municipalities seeded for a fan-out scenario
 * @param smtpSink {@code auto} (Postfix's smtp-sink when installed, else the Java sink), {@code postfix} or
 *     {@code java}
 * @param smtpConnections connections of the bare SMTP client, as many as the notifications service keeps
 * @param webhookConcurrency requests in flight of the bare webhook client
 * @param webhookHosts {@code webhook-tls}: the https receivers the endpoints are spread over, one per loopback address
 * @param serviceJvmOptions the JVM options of each service
 * @param stall how long the deliveries may stop arriving before the scenario gives up on the rest
 * @param warmUp municipalities of the unmeasured change made first (at most N)
 * @param holdMargin {@code held-webhook}: at least how long after the change the quiet window ends, or null for
 *     one that grows with the fan-out ({@link #holdMargin(int)})
 */
record BenchmarkOptions(
        int municipalities,
        List<Scenario> scenarios,
        Path repository,
        Path output,
        String smtpSink,
        int smtpConnections,
        int webhookConcurrency,
        int webhookHosts,
        int latencySubscribers,
        int latencyChanges,
        List<String> serviceJvmOptions,
        Duration stall,
        int warmUp,
        boolean ceilings,
        @Nullable Duration holdMargin) {

    /**
     * Room above the 512 MiB heap target: under {@code -Xmx512m} a heap of at most 512 MiB is the JVM's limit, not a
     * measurement, and the target could not fail.
     */
    static final List<String> SERVICE_JVM = List.of("-Xms128m", "-Xmx1g");

    BenchmarkOptions {
        scenarios = List.copyOf(scenarios);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /**
     * How far ahead of the change a quiet window ends, before it is rounded up to a minute: long enough to seed the
     * municipalities, match the change and record every delivery held, with room to spare (60 s at 100,000).
     */
    Duration holdMargin(int deliveries) {
        return holdMargin != null ? holdMargin : Duration.ofSeconds(20 + deliveries / 2_500);
    }
}
