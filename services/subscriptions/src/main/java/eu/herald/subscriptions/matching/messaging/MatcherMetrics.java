package eu.herald.subscriptions.matching.messaging;

import eu.herald.subscriptions.subscription.ChangeKind;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/**
 * The matcher as operators watch it, per change kind (five values, so a bounded tag): {@code herald.matcher.fanout},
 * how many notification requests a change became, and {@code herald.matcher.duration}, how long selecting and
 * publishing them took. Both have histograms: a change that reaches every municipality is the one that matters.
 */
@Component
class MatcherMetrics {

    private final Map<ChangeKind, Timer> durations = new EnumMap<>(ChangeKind.class);
    private final Map<ChangeKind, DistributionSummary> fanOuts = new EnumMap<>(ChangeKind.class);
    private final MeterRegistry registry;

    /** Registers every kind at once: a series that exists at 0 lets {@code rate()} see the first change. */
    MatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ChangeKind kind : ChangeKind.values()) {
            durations.put(
                    kind,
                    Timer.builder("herald.matcher.duration")
                            .description("Time to match one session change and publish its notification requests")
                            .tag("kind", kind.name())
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(1))
                            .maximumExpectedValue(Duration.ofMinutes(5))
                            .register(registry));
            fanOuts.put(
                    kind,
                    DistributionSummary.builder("herald.matcher.fanout")
                            .description("Notification requests per session change")
                            .tag("kind", kind.name())
                            .publishPercentileHistogram()
                            .minimumExpectedValue(1.0)
                            .maximumExpectedValue(1_000_000.0)
                            .register(registry));
        }
    }

    /** Runs one change's fan-out and records its size and duration; a failed fan-out is retried, not recorded. */
    int fanOut(ChangeKind kind, IntSupplier fanOut) {
        Timer.Sample sample = Timer.start(registry);
        int requests = fanOut.getAsInt();
        sample.stop(durations.get(kind));
        fanOuts.get(kind).record(requests);
        return requests;
    }
}
