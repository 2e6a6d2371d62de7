package eu.herald.catalogue.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionDetails;
import eu.herald.catalogue.session.SessionFormat;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.session.SessionStatus;
import eu.herald.catalogue.shared.Texts;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

class ICalendarWriterTests {

    @Test
    void foldsLinesAtSeventyFiveOctetsWithoutSplittingACharacter() {
        String line = "SUMMARY;LANGUAGE=pl:" + "Spójność terytorialna ".repeat(10);

        String folded = ICalendarWriter.fold(line);

        assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
        assertThat(Arrays.stream(folded.split("\r\n")))
                .allSatisfy(part ->
                        assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void describesZonesWithAndWithoutDaylightSavingTimeValidlyAcrossYears() throws Exception {
        List<Session> sessions = List.of(
                session("Asia/Tokyo", "2022-12-31T23:00", "2023-01-01T01:00"),
                session("America/Sao_Paulo", "2018-11-04T00:30", "2018-11-04T02:00"),
                session("Europe/Lisbon", "2022-10-30T01:30", "2022-10-30T01:45"));

        String ics = ICalendarWriter.write("Zones; tested, here", sessions, List.of("pt"), slug -> slug);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        var validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(3);
        assertThat(calendar.getComponents("VEVENT")).hasSize(3);
        assertThat(ics).contains("TZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:20220101T000000\r\nTZOFFSETFROM:+0900");
        assertThat(ics).contains("X-WR-CALNAME:Zones\\; tested\\, here");
    }

    private static Session session(String zone, String start, String end) {
        var details = new SessionDetails(
                null,
                "en",
                Texts.of(Map.of("en", "Networking", "pt", "Trabalho em rede")),
                Texts.none(),
                LocalDateTime.parse(start),
                LocalDateTime.parse(end),
                zone,
                SessionFormat.ONSITE,
                "Centro de Congressos",
                null,
                null,
                null,
                List.of("pt"),
                List.of(),
                List.of("territorial-cohesion"));
        Instant now = Instant.parse("2022-09-20T08:00:00Z");
        return new Session(SessionId.random(), 1, SessionStatus.PUBLISHED, details, null, now, now);
    }

    @Test
    void escapesTextValues() {
        assertThat(ICalendarWriter.text("Networking; cities, regions\\towns\nday two"))
                .isEqualTo("Networking\\; cities\\, regions\\\\towns\\nday two");
    }

    @Test
    void writesOffsetsAsHoursAndMinutes() {
        assertThat(ICalendarWriter.offset(ZoneOffset.ofHours(2))).isEqualTo("+0200");
        assertThat(ICalendarWriter.offset(ZoneOffset.ofHoursMinutes(-3, -30))).isEqualTo("-0330");
    }

    @Test
    void readsLanguagesFromTheParameterOrElseAcceptLanguage() {
        assertThat(CalendarController.languages("pt", "pl")).containsExactly("pt");
        assertThat(CalendarController.languages(null, "pl-PL,pl;q=0.9,en;q=0.5"))
                .containsExactly("pl-PL", "pl", "en");
        assertThat(CalendarController.languages(null, null)).isEmpty();
    }
}
