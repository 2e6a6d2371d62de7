package eu.herald.notifications.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietWindowTests {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final QuietWindow NIGHT = window("22:00", "07:00");

    @Test
    void endsTheNextMorningWhenItIsLateInTheEvening() {
        assertThat(NIGHT.endAround(at("2026-06-10T23:00+02:00"), WARSAW)).hasValue(at("2026-06-11T07:00+02:00"));
    }

    @Test
    void endsTheSameMorningAfterMidnight() {
        assertThat(NIGHT.endAround(at("2026-06-11T03:00+02:00"), WARSAW)).hasValue(at("2026-06-11T07:00+02:00"));
    }

    @Test
    void beginsAtItsStartAndEndsAtItsEnd() {
        assertThat(NIGHT.endAround(at("2026-06-10T22:00+02:00"), WARSAW)).hasValue(at("2026-06-11T07:00+02:00"));
        assertThat(NIGHT.endAround(at("2026-06-10T21:59:59+02:00"), WARSAW)).isEmpty();
        assertThat(NIGHT.endAround(at("2026-06-11T06:59:59+02:00"), WARSAW)).hasValue(at("2026-06-11T07:00+02:00"));
        assertThat(NIGHT.endAround(at("2026-06-11T07:00+02:00"), WARSAW)).isEmpty();
    }

    @Test
    void holdsNothingDuringTheDay() {
        assertThat(NIGHT.endAround(at("2026-06-10T12:00+02:00"), WARSAW)).isEmpty();
    }

    @Test
    void readsTheWindowInTheRecipientsZone() {
        // 22:30 in Warsaw is 21:30 in Lisbon: inside Płock's night, outside Fundão's
        Instant now = at("2026-06-10T22:30+02:00");
        assertThat(NIGHT.endAround(now, WARSAW)).isPresent();
        assertThat(NIGHT.endAround(now, LISBON)).isEmpty();
    }

    @Test
    void holdsAWindowWithinOneDayUntilItsEnd() {
        QuietWindow lunch = window("12:00", "14:00");
        assertThat(lunch.endAround(at("2026-06-10T13:15+02:00"), WARSAW)).hasValue(at("2026-06-10T14:00+02:00"));
        assertThat(lunch.endAround(at("2026-06-10T14:15+02:00"), WARSAW)).isEmpty();
        assertThat(lunch.endAround(at("2026-06-10T11:15+02:00"), WARSAW)).isEmpty();
    }

    @Test
    void treatsAnEmptyWindowAsNoWindow() {
        QuietWindow empty = window("07:00", "07:00");
        assertThat(empty.endAround(at("2026-06-10T07:00+02:00"), WARSAW)).isEmpty();
        assertThat(empty.endAround(at("2026-06-10T23:00+02:00"), WARSAW)).isEmpty();
    }

    @Test
    void endsAtTheSameWallClockTimeAcrossTheSpringChange() {
        // clocks go from 02:00 CET to 03:00 CEST on 29 March 2026: the night is an hour shorter, 07:00 is CEST
        assertThat(NIGHT.endAround(at("2026-03-28T23:00+01:00"), WARSAW)).hasValue(at("2026-03-29T07:00+02:00"));
    }

    @Test
    void endsWhenTheSpringGapEndsWhenItsEndFallsInTheGap() {
        // 02:30 does not exist on 29 March 2026 in Warsaw: the window ends at 03:00 CEST, when the clock is past it
        QuietWindow window = window("22:00", "02:30");
        assertThat(window.endAround(at("2026-03-29T01:30+01:00"), WARSAW)).hasValue(at("2026-03-29T03:00+02:00"));
        assertThat(window.endAround(at("2026-03-29T03:10+02:00"), WARSAW)).isEmpty();
    }

    @Test
    void endsAtTheSameWallClockTimeAcrossTheAutumnChange() {
        // clocks go from 03:00 CEST back to 02:00 CET on 25 October 2026: the night is an hour longer, 07:00 is CET
        assertThat(NIGHT.endAround(at("2026-10-24T23:00+02:00"), WARSAW)).hasValue(at("2026-10-25T07:00+01:00"));
    }

    @Test
    void endsAtTheFirstOfTwoEqualWallClockTimesInTheAutumnOverlap() {
        // 02:30 happens twice on 25 October 2026 in Warsaw: the window ends at the first, 02:30 CEST
        QuietWindow window = window("22:00", "02:30");
        assertThat(window.endAround(at("2026-10-25T02:10+02:00"), WARSAW)).hasValue(at("2026-10-25T02:30+02:00"));
        // the clock shows 02:15 again an hour later: the window has ended
        assertThat(window.endAround(at("2026-10-25T02:15+01:00"), WARSAW)).isEmpty();
    }

    private static QuietWindow window(String from, String to) {
        return new QuietWindow(LocalTime.parse(from), LocalTime.parse(to));
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
