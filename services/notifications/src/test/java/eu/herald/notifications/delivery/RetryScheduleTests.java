package eu.herald.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private static final Instant NOW = Instant.parse("2022-10-05T09:12:45Z");
    private static final List<Duration> SCHEDULE = List.of(
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofHours(6));

    @Test
    void waitsLongerAfterEachFailedAttempt() {
        RetrySchedule schedule = new RetrySchedule(SCHEDULE, 0.2, () -> 0.5);

        assertThat(schedule.next(1, NOW)).hasValue(NOW.plusSeconds(10));
        assertThat(schedule.next(2, NOW)).hasValue(NOW.plusSeconds(60));
        assertThat(schedule.next(5, NOW)).hasValue(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void spreadsEachWaitByTheJitter() {
        assertThat(new RetrySchedule(SCHEDULE, 0.2, () -> 0.0).next(1, NOW)).hasValue(NOW.plusSeconds(8));
        assertThat(new RetrySchedule(SCHEDULE, 0.2, () -> 0.999_999).next(1, NOW))
                .hasValueSatisfying(next -> assertThat(next).isBetween(NOW.plusMillis(11_999), NOW.plusSeconds(12)));
        RetrySchedule random = new RetrySchedule(SCHEDULE, 0.2);
        for (int i = 0; i < 100; i++) {
            assertThat(random.next(2, NOW))
                    .hasValueSatisfying(next -> assertThat(next).isBetween(NOW.plusSeconds(48), NOW.plusSeconds(72)));
        }
    }

    @Test
    void givesUpWhenTheScheduleIsUsedUp() {
        RetrySchedule schedule = new RetrySchedule(SCHEDULE, 0.2);

        assertThat(schedule.next(6, NOW)).isEmpty();
        assertThat(schedule.retries()).isEqualTo(5);
    }
}
