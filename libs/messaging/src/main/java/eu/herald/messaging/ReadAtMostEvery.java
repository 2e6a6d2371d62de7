package eu.herald.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database when a scrape asks for it, at most once per interval: however often gauges are
 * scraped, they never add up to a load on the database the services write to.
 */
public final class ReadAtMostEvery<T> implements Supplier<T> {

    private final Duration interval;
    private final Clock clock;
    private final Supplier<T> read;

    private T value;
    private Instant readAt = Instant.MIN;

    /** {@code initial} only stands in until the first read, which the first {@link #get()} makes. */
    public ReadAtMostEvery(Duration interval, Clock clock, Supplier<T> read, T initial) {
        this.interval = interval;
        this.clock = clock;
        this.read = read;
        this.value = initial;
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(interval))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
