package eu.herald.notifications.rendering;

import static eu.herald.notifications.SeedRequests.LINK;
import static eu.herald.notifications.SeedRequests.TITLE_EN;
import static eu.herald.notifications.SeedRequests.TITLE_PL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.SeedDigests;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.SessionChange;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderNoticeTests {

    private static final SessionChange NETWORKING = SeedDigests.published(SeedDigests.networking());

    @Test
    void remindsAPolishMunicipalityInPolishWithWarsawTimeAndTheJoinLink() {
        ReminderNotice reminder = reminder(NETWORKING, Duration.ofHours(1), SeedRequests.plock());

        assertThat(reminder.subject()).isEqualTo("Przypomnienie: " + TITLE_PL + " zaczyna się za 1 godzinę");
        assertThat(reminder.intro()).isEqualTo("Sesja, którą Państwo obserwują, zaczyna się za 1 godzinę.");
        assertThat(reminder.when()).isEqualTo("wtorek, 11 października 2022, 17:00–18:30 CEST");
        assertThat(reminder.where()).isEqualTo("online, Zoom");
        assertThat(reminder.join()).isEqualTo(new Detail("Udział", LINK, true));
    }

    @Test
    void remindsAPortugueseMunicipalityInPortugueseWithLisbonTime() {
        ReminderNotice reminder = reminder(NETWORKING, Duration.ofHours(24), SeedRequests.fundao());

        assertThat(reminder.subject()).isEqualTo("Lembrete: " + TITLE_EN + " começa daqui a 24 horas");
        assertThat(reminder.when()).isEqualTo("terça-feira, 11 de outubro de 2022, 16:00–17:30 WEST");
        assertThat(reminder.join()).isEqualTo(new Detail("Participar", LINK, true));
    }

    @ParameterizedTest
    @CsvSource({
        "PT15M, pl, za 15 minut",
        "PT2M, pl, za 2 minuty",
        "PT1H, pl, za 1 godzinę",
        "PT2H, pl, za 2 godziny",
        "PT5H, pl, za 5 godzin",
        "PT12H, pl, za 12 godzin",
        "PT22H, pl, za 22 godziny",
        "PT24H, pl, za 24 godziny",
        "PT48H, pl, za 2 dni",
        "P7D, pl, za 7 dni",
        "PT1H, pt, daqui a 1 hora",
        "PT90M, pt, daqui a 90 minutos",
        "P3D, pt, daqui a 3 dias",
        "PT1M, en, in 1 minute",
        "PT1H, en, in 1 hour",
        "PT24H, en, in 24 hours",
        "PT36H, en, in 36 hours",
        "P2D, en, in 2 days"
    })
    void tellsTheLeadAsItWasAskedForInTheLanguagesPluralForm(Duration lead, String language, String told) {
        assertThat(ReminderNotice.startsIn(Wording.in(Locale.forLanguageTag(language)), lead))
                .isEqualTo(told);
    }

    @Test
    void tellsTheStartInTheZoneInForceOnTheSessionsDayAcrossTheEndOfSummerTime() {
        // summer time ends on 30 October 2022 at 03:00: a reminder sent the day before still tells winter time
        SessionChange afterTheChange = SeedDigests.published(
                SeedDigests.session(SeedDigests.OPENING, 1, "Closing session", "2022-10-30T09:00", null, LINK, null));

        ReminderNotice warsaw = reminder(afterTheChange, Duration.ofDays(1), SeedRequests.plock());
        ReminderNotice lisbon = reminder(afterTheChange, Duration.ofDays(1), SeedRequests.fundao());

        assertThat(warsaw.when()).isEqualTo("niedziela, 30 października 2022, 09:00–10:00 CET");
        assertThat(warsaw.subject()).endsWith("zaczyna się za 24 godziny");
        assertThat(lisbon.when()).isEqualTo("domingo, 30 de outubro de 2022, 08:00–09:00 WET");
    }

    @Test
    void namesTheVenueOfASessionWithoutAJoinLink() {
        SessionChange onSite = SeedDigests.published(
                SeedDigests.session(SeedDigests.OPENING, 1, "Opening session", "2022-10-10T10:00", null, null, null));

        ReminderNotice reminder = reminder(onSite, Duration.ofMinutes(30), SeedRequests.inEnglish());

        assertThat(reminder.subject()).isEqualTo("Reminder: Opening session starts in 30 minutes");
        assertThat(reminder.join()).isNull();
        assertThat(reminder.where()).isEqualTo("on site, " + SeedDigests.VENUE);
    }

    private static ReminderNotice reminder(SessionChange change, Duration lead, Recipient recipient) {
        return new ReminderNotice(change, lead, recipient.language(), recipient.timeZone());
    }
}
