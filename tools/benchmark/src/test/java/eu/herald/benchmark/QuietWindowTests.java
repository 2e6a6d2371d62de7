package eu.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietWindowTests {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void endsAtTheFirstMinuteBoundaryTheMarginFromNow() {
        QuietWindow window = QuietWindow.endingAfter(Instant.parse("2026-12-06T17:45:20Z"), Duration.ofSeconds(30));

        assertThat(window.ends()).isEqualTo(Instant.parse("2026-12-06T17:46:00Z"));
    }

    @Test
    void endsAtTheMarginWhenItFallsOnAMinuteBoundary() {
        QuietWindow window = QuietWindow.endingAfter(Instant.parse("2026-12-06T17:45:20Z"), Duration.ofSeconds(40));

        assertThat(window.ends()).isEqualTo(Instant.parse("2026-12-06T17:46:00Z"));
    }

    @Test
    void opensMinutesBeforeNowSoThatTheChangeFallsInside() {
        QuietWindow window = QuietWindow.endingAfter(Instant.parse("2026-12-06T17:45:20Z"), Duration.ofSeconds(30));

        assertThat(window.opens()).isEqualTo(Instant.parse("2026-12-06T17:40:00Z"));
    }

    @Test
    void givesEachZoneTheLocalTimesOfTheSameInstants() {
        QuietWindow window = QuietWindow.endingAfter(Instant.parse("2026-12-06T17:45:20Z"), Duration.ofSeconds(30));

        assertThat(window.from(WARSAW)).isEqualTo(LocalTime.of(18, 40));
        assertThat(window.to(WARSAW)).isEqualTo(LocalTime.of(18, 46));
        assertThat(window.from(LISBON)).isEqualTo(LocalTime.of(17, 40));
        assertThat(window.to(LISBON)).isEqualTo(LocalTime.of(17, 46));
    }

    @Test
    void crossesMidnightWhenTheMarginDoes() {
        QuietWindow window = QuietWindow.endingAfter(Instant.parse("2026-12-06T23:59:30Z"), Duration.ofSeconds(45));

        assertThat(window.from(LISBON)).isEqualTo(LocalTime.of(23, 54));
        assertThat(window.to(LISBON)).isEqualTo(LocalTime.of(0, 1));
    }
}
