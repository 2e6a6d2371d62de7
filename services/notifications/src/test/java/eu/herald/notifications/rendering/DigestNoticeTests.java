package eu.herald.notifications.rendering;

import static eu.herald.notifications.SeedRequests.TITLE_PL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.SeedDigests;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.rendering.DigestNotice.Entry;
import eu.herald.notifications.rendering.DigestNotice.Group;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.SessionChange;
import eu.herald.notifications.request.SessionId;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DigestNoticeTests {

    @Test
    void groupsAPolishDigestByEventWithTheSessionsOfNoKnownEventLast() {
        DigestNotice digest = new DigestNotice(SeedDigests.digest(SeedRequests.plock()));

        List<Group> groups = digest.groups();

        assertThat(groups).extracting(Group::heading).containsExactly(SeedDigests.EVENT_PL, "Pozostałe sesje");
        assertThat(groups.get(0).entries())
                .extracting(entry -> entry.notice().title())
                .containsExactly("Opening session", TITLE_PL, "Youth for cohesion");
        assertThat(groups.get(1).entries())
                .extracting(entry -> entry.notice().title())
                .containsExactly("Green transition webinar");
    }

    @Test
    void saysOfEachSessionWhetherItIsNewCancelledOrWhatChanged() {
        List<Entry> entries = new DigestNotice(SeedDigests.digest(SeedRequests.plock()))
                .groups()
                .get(0)
                .entries();

        assertThat(entries).extracting(Entry::status).containsExactly("Nowa sesja", null, "Sesja odwołana");
        assertThat(entries.get(0).changes()).isEmpty();
        assertThat(entries.get(1).changes())
                .containsExactly(
                        new ChangedField(
                                "Początek",
                                "wtorek, 11 października 2022, 16:30 CEST",
                                "wtorek, 11 października 2022, 17:00 CEST"),
                        new ChangedField(
                                "Koniec",
                                "wtorek, 11 października 2022, 18:00 CEST",
                                "wtorek, 11 października 2022, 18:30 CEST"));
        assertThat(entries.get(2).changes()).isEmpty();
        assertThat(entries.get(2).notice().details()).containsExactly(new Detail("Powód", "Speaker ill", false));
    }

    @Test
    void countsTheChangesInThePolishPluralForms() {
        assertThat(new DigestNotice(digest(SeedRequests.plock(), 1)).subject())
                .isEqualTo("Dzienne podsumowanie: 1 zmiana — Miasto Płock");
        assertThat(new DigestNotice(digest(SeedRequests.plock(), 3)).subject())
                .isEqualTo("Dzienne podsumowanie: 3 zmiany — Miasto Płock");
        assertThat(new DigestNotice(digest(SeedRequests.plock(), 5)).subject())
                .isEqualTo("Dzienne podsumowanie: 5 zmian — Miasto Płock");
        assertThat(new DigestNotice(digest(SeedRequests.plock(), 12)).subject())
                .isEqualTo("Dzienne podsumowanie: 12 zmian — Miasto Płock");
    }

    @Test
    void writesAPortugueseDigestInPortugueseWithLisbonTime() {
        DigestNotice digest = new DigestNotice(SeedDigests.digest(SeedRequests.fundao()));

        assertThat(digest.subject()).isEqualTo("Resumo diário: 4 alterações — Município do Fundão");
        assertThat(digest.groups()).extracting(Group::heading).containsExactly(SeedDigests.EVENT_PT, "Outras sessões");
        assertThat(digest.groups().get(0).entries().get(1).notice().when())
                .isEqualTo("terça-feira, 11 de outubro de 2022, 16:00–17:30 WEST");
        assertThat(digest.summary()).isEqualTo("4 sessões alteradas: Opening session e mais 3");
    }

    @Test
    void summarisesTheDigestByItsFirstSessionAndHowManyMore() {
        assertThat(new DigestNotice(SeedDigests.digest(SeedRequests.inEnglish())).summary())
                .isEqualTo("4 sessions changed: Opening session and 3 more");
        assertThat(new DigestNotice(SeedDigests.digest(SeedRequests.plock())).summary())
                .isEqualTo("Zmiany w 4 sesjach: Opening session i 3 inne");
        assertThat(new DigestNotice(digest(SeedRequests.inEnglish(), 1)).summary())
                .isEqualTo("1 session changed: Youth session 1");
    }

    /** {@code count} sessions of no known event, each published. */
    private static Digest digest(Recipient recipient, int count) {
        List<SessionChange> changes = Collections.nCopies(count, 0).stream()
                .map(ignored -> SeedDigests.published(SeedDigests.session(
                        new SessionId(UUID.randomUUID()),
                        1,
                        "Youth session " + count,
                        "2022-10-12T09:00",
                        null,
                        null,
                        null)))
                .toList();
        return new Digest(recipient, SeedDigests.AT, changes);
    }
}
