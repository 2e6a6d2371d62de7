package eu.herald.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(10), now::get);

    @Test
    void allowsABurstOfItsCapacityThenSaysHowLongToWait() {
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();

        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refillsEvenlyOverItsPeriod() {
        bucket.take();
        bucket.take();

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(bucket.take()).isZero();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(bucket.isFull()).isTrue();
        bucket.take();
        bucket.take();
        assertThat(bucket.take()).isPositive();
    }
}
