package eu.herald.notifications.timing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Recipient.DeliveryMode;
import eu.herald.notifications.request.Recipient.Preferences;
import eu.herald.notifications.request.Recipient.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The networking session starts on 11 October 2022 at 16:30 Warsaw time (14:30 UTC); Płock is quiet 22:00–07:00. */
class DeliveryTimingTests {

    /** 23:00 in Warsaw, six days before the session. */
    private static final Instant NIGHT = Instant.parse("2022-10-05T21:00:00Z");

    /** Płock's quiet hours. */
    private static final QuietHours NIGHTS = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    private final DeliveryTiming timing = new DeliveryTiming(Duration.ofHours(24));

    @Test
    void holdsAChangeInsideQuietHoursUntilTheyEnd() {
        assertThat(timing.holdFor(change(ChangeKind.RESCHEDULED, NIGHTS), NIGHT, null))
                .hasValue(new Hold(Instant.parse("2022-10-06T05:00:00Z"), Hold.Reason.QUIET_HOURS));
    }

    @Test
    void sendsAtOnceForARecipientWithoutQuietHours() {
        assertThat(timing.holdFor(change(ChangeKind.RESCHEDULED, null), NIGHT, null))
                .isEmpty();
    }

    @Test
    void sendsAtOnceOutsideQuietHours() {
        assertThat(timing.holdFor(change(ChangeKind.RESCHEDULED, NIGHTS), Instant.parse("2022-10-05T10:00:00Z"), null))
                .isEmpty();
    }

    @Test
    void sendsACancellationAtOnceInsideQuietHours() {
        assertThat(timing.holdFor(change(ChangeKind.CANCELLED, NIGHTS), NIGHT, null))
                .isEmpty();
    }

    @Test
    void sendsAChangeAtOnceWhenTheSessionStartsWithinTheLeadTime() {
        // 23:00 on 10 October: 17 h 30 before the start
        Instant eveningBefore = Instant.parse("2022-10-10T21:00:00Z");
        assertThat(timing.holdFor(change(ChangeKind.RELOCATED, NIGHTS), eveningBefore, null))
                .isEmpty();
    }

    @Test
    void holdsAChangeToASessionStartingLaterThanTheLeadTime() {
        // 23:00 on 9 October: 41 h 30 before the start
        Instant twoEveningsBefore = Instant.parse("2022-10-09T21:00:00Z");
        assertThat(timing.holdFor(change(ChangeKind.UPDATED, NIGHTS), twoEveningsBefore, null))
                .isPresent();
    }

    @Test
    void readsTheLeadTimeFromItsSetting() {
        DeliveryTiming twoDays = new DeliveryTiming(Duration.ofHours(48));
        Instant twoEveningsBefore = Instant.parse("2022-10-09T21:00:00Z");
        assertThat(twoDays.holdFor(change(ChangeKind.UPDATED, NIGHTS), twoEveningsBefore, null))
                .isEmpty();
    }

    @Test
    void sendsAChangeToASessionUnderWayAtOnce() {
        Instant duringTheSession = Instant.parse("2022-10-11T15:00:00Z");
        assertThat(timing.holdFor(
                        change(ChangeKind.UPDATED, new QuietHours(LocalTime.of(12, 0), LocalTime.of(20, 0))),
                        duringTheSession,
                        null))
                .isEmpty();
    }

    private static NotificationRequest change(ChangeKind kind, @Nullable QuietHours quietHours) {
        Recipient plock = SeedRequests.plock();
        Recipient recipient = new Recipient(
                plock.municipalityId(),
                plock.name(),
                plock.language(),
                plock.timeZone(),
                new Preferences(DeliveryMode.IMMEDIATE, quietHours));
        return SeedRequests.request(
                SeedRequests.newChange(),
                kind,
                SeedRequests.session(
                        2,
                        LocalDateTime.parse("2022-10-11T16:30"),
                        LocalDateTime.parse("2022-10-11T18:00"),
                        kind == ChangeKind.CANCELLED ? "The speakers cannot attend." : null),
                Map.of(),
                List.of(),
                recipient,
                SeedRequests.email("timing@herald-tests.example"));
    }
}
