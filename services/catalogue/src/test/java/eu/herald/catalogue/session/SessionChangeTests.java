package eu.herald.catalogue.session;

import static eu.herald.catalogue.session.SessionDetailsFixtures.LINK;
import static eu.herald.catalogue.session.SessionDetailsFixtures.from;
import static eu.herald.catalogue.session.SessionDetailsFixtures.networking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionChangeTests {

    private final SessionDetails before = networking();

    @Test
    void findsNoChangeInEqualDetails() {
        assertThat(SessionChange.between(before, networking())).isEmpty();
    }

    @Test
    void findsNoChangeWhenOnlyTheOrderOfThemesDiffers() {
        SessionDetails twoThemes =
                from(before).themes("territorial-cohesion", "green-transition").build();

        assertThat(SessionChange.between(
                        twoThemes,
                        from(before)
                                .themes("green-transition", "territorial-cohesion")
                                .build()))
                .isEmpty();
    }

    @Test
    void reschedulesWhenTheTimeMoves() {
        SessionChange change = SessionChange.between(
                        before,
                        from(before)
                                .time("2022-10-11T17:00", "2022-10-11T18:30")
                                .build())
                .orElseThrow();

        assertThat(change.kind()).isEqualTo(ChangeKind.RESCHEDULED);
        assertThat(change.changedFields()).containsExactly("start", "end");
        assertThat(change.previous())
                .containsExactly(
                        entry("start", LocalDateTime.parse("2022-10-11T16:30")),
                        entry("end", LocalDateTime.parse("2022-10-11T18:00")));
    }

    @Test
    void reschedulesWhenOnlyTheTimeZoneChanges() {
        SessionChange change = SessionChange.between(
                        before, from(before).zone("Europe/Brussels").build())
                .orElseThrow();

        assertThat(change.kind()).isEqualTo(ChangeKind.RESCHEDULED);
        assertThat(change.previous()).containsExactly(entry("zone", "Europe/Warsaw"));
    }

    @Test
    void relocatesWhenThePlatformAndJoinLinkChange() {
        SessionChange change = SessionChange.between(
                        before,
                        from(before)
                                .platform("Webex")
                                .links("https://webex.example/j/42", LINK)
                                .build())
                .orElseThrow();

        assertThat(change.kind()).isEqualTo(ChangeKind.RELOCATED);
        assertThat(change.changedFields()).containsExactly("platform", "joinLink");
        assertThat(change.previous()).containsExactly(entry("platform", "Zoom"), entry("joinLink", LINK));
    }

    @Test
    void relocatesWhenAVenueIsGivenAndRemembersThereWasNone() {
        SessionChange change = SessionChange.between(
                        before, from(before).venue("SQUARE, Brussels").build())
                .orElseThrow();

        assertThat(change.kind()).isEqualTo(ChangeKind.RELOCATED);
        assertThat(change.previous()).containsExactly(entry("venue", null));
    }

    @Test
    void updatesWhenOnlyTextsChange() {
        SessionChange change = SessionChange.between(
                        before,
                        from(before)
                                .title(Map.of("en", "Networking of cities", "pt", "Redes de cidades"))
                                .description(Map.of("en", "How cities learn from each other"))
                                .build())
                .orElseThrow();

        assertThat(change.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(change.changedFields()).containsExactly("title", "description");
        assertThat(change.previous())
                .containsEntry("title", before.title())
                .containsEntry("description", before.description());
    }

    @Test
    void updatesWhenThemesFormatOrRegistrationLinkChange() {
        SessionDetails after = from(before)
                .themes("green-transition")
                .format(SessionFormat.HYBRID)
                .links(LINK, "https://register.example/networking")
                .build();

        SessionChange change = SessionChange.between(before, after).orElseThrow();

        assertThat(change.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(change.changedFields()).containsExactly("format", "registrationLink", "themes");
        assertThat(change.previous())
                .containsExactly(
                        entry("format", SessionFormat.ONLINE),
                        entry("registrationLink", LINK),
                        entry("themes", List.of("territorial-cohesion")));
    }

    @Test
    void reschedulingOutweighsRelocationAndKeepsAllPreviousValues() {
        SessionDetails after = from(before)
                .time("2022-10-12T09:00", "2022-10-12T10:30")
                .platform("Webex")
                .title(Map.of("en", "Networking of cities"))
                .build();

        SessionChange change = SessionChange.between(before, after).orElseThrow();

        assertThat(change.kind()).isEqualTo(ChangeKind.RESCHEDULED);
        assertThat(change.changedFields()).containsExactly("title", "start", "end", "platform");
        assertThat(change.previous()).containsOnlyKeys("title", "start", "end", "platform");
    }

    @Test
    void relocationOutweighsTextUpdates() {
        SessionDetails after = from(before)
                .venue("Brussels")
                .title(Map.of("en", "Networking of cities"))
                .build();

        assertThat(SessionChange.between(before, after).orElseThrow().kind()).isEqualTo(ChangeKind.RELOCATED);
    }
}
