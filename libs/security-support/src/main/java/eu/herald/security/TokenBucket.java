package eu.herald.security;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} requests at once, refilled evenly over {@code period}. Thread-safe; time
 * comes from a nanosecond clock so tests can move it.
 */
final class TokenBucket {

    private final int capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    TokenBucket(int capacity, Duration period, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.perNano = capacity / (double) period.toNanos();
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes one token; when none is left, how long until one is: {@link Duration#ZERO} means taken. */
    synchronized Duration take() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    /** Whether the bucket is full again: such a bucket may be forgotten, a new one behaves the same. */
    synchronized boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }
}
