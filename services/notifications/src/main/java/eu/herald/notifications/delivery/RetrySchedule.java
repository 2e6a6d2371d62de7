package eu.herald.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a transiently failed delivery is tried again: exponential backoff given as an explicit schedule (10 s,
 * 1 min, 10 min, 1 h, 6 h by default), each wait spread by a random jitter. No wait left means the delivery is DEAD.
 */
final class RetrySchedule {

    private final List<Duration> waits;
    private final double jitter;
    private final DoubleSupplier random;

    RetrySchedule(List<Duration> waits, double jitter) {
        this(waits, jitter, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetrySchedule(List<Duration> waits, double jitter, DoubleSupplier random) {
        this.waits = List.copyOf(waits);
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * @param failedAttempt the attempt that just failed, counted from the first one (or from the last replay): 1
     *     for the first
     * @return when to try again, or empty when the schedule is used up
     */
    Optional<Instant> next(int failedAttempt, Instant now) {
        if (failedAttempt < 1 || failedAttempt > waits.size()) {
            return Optional.empty();
        }
        long wait = waits.get(failedAttempt - 1).toMillis();
        double factor = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Optional.of(now.plusMillis(Math.max(0, Math.round(wait * factor))));
    }

    int retries() {
        return waits.size();
    }
}
