package eu.herald.subscriptions.matching.messaging;

import eu.herald.subscriptions.subscription.ChangeKind;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/**
 * The matcher as operators watch it, per change kind (five values, so a bounded tag): {@code herald.matcher.fanout},
 * how many notification requests a change became, and {@code herald.matcher.duration}, how long selecting and
 * publishing them took. Both have histograms: a change that reaches every municipality is the one that matters.
 */
@Component
class MatcherMetrics {

    private final MeterRegistry registry;

    MatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one change's fan-out and records its size and duration; a failed fan-out is retried, not recorded. */
    int fanOut(ChangeKind kind, IntSupplier fanOut) {
        Timer.Sample sample = Timer.start(registry);
        int requests = fanOut.getAsInt();
        sample.stop(Timer.builder("herald.matcher.duration")
                .description("Time to match one session change and publish its notification requests")
                .tag("kind", kind.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry));
        DistributionSummary.builder("herald.matcher.fanout")
                .description("Notification requests per session change")
                .tag("kind", kind.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(1_000_000.0)
                .register(registry)
                .record(requests);
        return requests;
    }
}
