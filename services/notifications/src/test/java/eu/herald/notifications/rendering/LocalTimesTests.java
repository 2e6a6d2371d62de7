package eu.herald.notifications.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalTimesTests {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final LocalDateTime START = LocalDateTime.parse("2022-10-11T16:30");
    private static final LocalDateTime END = LocalDateTime.parse("2022-10-11T18:00");

    @Test
    void showsTheSeededSessionAt1630CestInWarsaw() {
        LocalTimes warsaw = new LocalTimes(WARSAW, "EEEE, d MMMM yyyy", Locale.forLanguageTag("pl"));

        assertThat(warsaw.time(warsaw.at(START, WARSAW))).isEqualTo("16:30 CEST");
        assertThat(warsaw.dateTime(warsaw.at(START, WARSAW))).isEqualTo("wtorek, 11 października 2022, 16:30 CEST");
    }

    @Test
    void showsTheSeededSessionAt1530WestInLisbon() {
        LocalTimes lisbon = new LocalTimes(LISBON, "EEEE, d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("pt"));

        assertThat(lisbon.time(lisbon.at(START, WARSAW))).isEqualTo("15:30 WEST");
        assertThat(lisbon.dateTime(lisbon.at(START, WARSAW)))
                .isEqualTo("terça-feira, 11 de outubro de 2022, 15:30 WEST");
    }

    @Test
    void showsASessionWithinOneDayAsOneDateAndATimeRange() {
        LocalTimes brussels = new LocalTimes(ZoneId.of("Europe/Brussels"), "EEEE d MMMM yyyy", Locale.ENGLISH);

        assertThat(brussels.span(brussels.at(START, WARSAW), brussels.at(END, WARSAW)))
                .isEqualTo("Tuesday 11 October 2022, 16:30–18:00 CEST");
    }

    @Test
    void showsBothEndsInFullWhenTheSessionCrossesMidnightForTheRecipient() {
        LocalTimes tokyo = new LocalTimes(ZoneId.of("Asia/Tokyo"), "EEEE d MMMM yyyy", Locale.ENGLISH);

        assertThat(tokyo.span(tokyo.at(START, WARSAW), tokyo.at(END, WARSAW)))
                .isEqualTo("Tuesday 11 October 2022, 23:30 JST – Wednesday 12 October 2022, 01:00 JST");
    }

    @Test
    void namesEuropesZonesAsBritishEnglishDoesAndOthersAsEnglishDoes() {
        LocalTimes london = new LocalTimes(ZoneId.of("Europe/London"), "d MMMM yyyy", Locale.ENGLISH);
        LocalTimes athens = new LocalTimes(ZoneId.of("Europe/Athens"), "d MMMM yyyy", Locale.ENGLISH);
        LocalTimes newYork = new LocalTimes(ZoneId.of("America/New_York"), "d MMMM yyyy", Locale.ENGLISH);

        assertThat(london.time(london.at(START, WARSAW))).isEqualTo("15:30 BST");
        assertThat(athens.time(athens.at(START, WARSAW))).isEqualTo("17:30 EEST");
        assertThat(newYork.time(newYork.at(START, WARSAW))).isEqualTo("10:30 EDT");
        assertThat(newYork.time(newYork.at(LocalDateTime.parse("2022-12-06T16:30"), WARSAW)))
                .isEqualTo("10:30 EST");
    }
}
