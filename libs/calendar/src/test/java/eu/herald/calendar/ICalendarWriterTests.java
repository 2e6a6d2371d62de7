package eu.herald.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.calendar.CalendarEntry.Organizer;
import eu.herald.calendar.CalendarEntry.Status;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** What the writer writes, read back by ical4j's strict parser and validator as a calendar client would. */
class ICalendarWriterTests {

    private static final String SESSION = "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11";
    private static final String JOIN =
            "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4";

    @Test
    void publishesAFeedWithOneEntryPerSessionAndTheirZones() throws Exception {
        String ics = ICalendarWriter.feed(
                "Territorial cohesion; regions, cities",
                List.of(networking(Status.CONFIRMED), networking("other", Status.CANCELLED)));

        Calendar calendar = parseStrictly(ics);

        assertThat(property(calendar, "METHOD")).isEqualTo("PUBLISH");
        assertThat(ics).contains("X-WR-CALNAME:Territorial cohesion\\; regions\\, cities\r\n");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events)
                .extracting(event -> property(event, "UID"))
                .containsExactly(SESSION + "@herald", "other@herald");
        assertThat(events).extracting(event -> property(event, "STATUS")).containsExactly("CONFIRMED", "CANCELLED");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        VEvent event = events.get(0);
        assertThat(property(event, "SEQUENCE")).isEqualTo("2");
        assertThat(property(event, "DTSTAMP")).isEqualTo("20220920T080000Z");
        assertThat(property(event, "CREATED")).isEqualTo("20220901T080000Z");
        assertThat(property(event, "SUMMARY")).isEqualTo("Sieciowanie miast i gmin");
        assertThat(property(event, "URL")).isEqualTo(JOIN);
        assertThat(property(event, "CATEGORIES")).isEqualTo("Spójność terytorialna");
        assertThat(ics)
                .contains("\r\nSUMMARY;LANGUAGE=pl:Sieciowanie miast i gmin\r\n")
                .contains("\r\nDTSTART;TZID=Europe/Warsaw:20221011T163000\r\n")
                .contains("\r\nDTEND;TZID=Europe/Warsaw:20221011T180000\r\n")
                .doesNotContain("ATTENDEE");
    }

    @Test
    void invitesToAnEntryAndAddressesTheInvitationToEachAttendee() throws Exception {
        Invitation invitation = ICalendarWriter.invitation(networking(Status.CONFIRMED));

        String ics = invitation.to("Miasto \"Płock\"", "powiadomienia@plock.example");

        assertThat(invitation.method()).isEqualTo("REQUEST");
        Calendar calendar = parseStrictly(ics);
        assertThat(property(calendar, "METHOD")).isEqualTo("REQUEST");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(property(event, "UID")).isEqualTo(SESSION + "@herald");
        assertThat(property(event, "ORGANIZER")).isEqualTo("mailto:noreply@herald.local");
        assertThat(property(event, "ATTENDEE")).isEqualTo("mailto:powiadomienia@plock.example");
        assertThat(ics)
                .contains("\r\nORGANIZER;CN=\"Herald\":mailto:noreply@herald.local\r\n")
                .contains("\r\nATTENDEE;CN=\"Miasto Płock\";RSVP=FALSE:mailto:powiadomienia@plock.example\r\n")
                .endsWith("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        assertThat(invitation.to("Gmina Lublin", "powiadomienia@lublin.example"))
                .startsWith(invitation.head())
                .endsWith(invitation.tail())
                .contains("mailto:powiadomienia@lublin.example");
    }

    @Test
    void cancelsACancelledEntryUnderTheSameUidWithAHigherSequence() throws Exception {
        CalendarEntry confirmed = networking(Status.CONFIRMED);
        Invitation cancellation = ICalendarWriter.invitation(networking(Status.CANCELLED));

        Calendar calendar = parseStrictly(cancellation.to("Miasto Płock", "powiadomienia@plock.example"));

        assertThat(cancellation.method()).isEqualTo("CANCEL");
        assertThat(property(calendar, "METHOD")).isEqualTo("CANCEL");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(property(event, "UID")).isEqualTo(confirmed.uid());
        assertThat(property(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(property(event, "SEQUENCE"))).isGreaterThan(confirmed.version());
    }

    @Test
    void describesTheSameZoneAlikeInAFeedAndAnInvitation() {
        CalendarEntry entry = networking(Status.CONFIRMED);

        String feed = ICalendarWriter.feed("Networking", List.of(entry));
        String invitation = ICalendarWriter.invitation(entry).to("Miasto Płock", "powiadomienia@plock.example");

        assertThat(timeZone(feed))
                .isEqualTo(timeZone(invitation))
                .startsWith("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\nBEGIN:STANDARD\r\nDTSTART:20210101T000000\r\n")
                .contains("DTSTART:20220327T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n")
                .contains("DTSTART:20231029T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n")
                .doesNotContain("DTSTART:2024");
    }

    @Test
    void describesZonesWithAndWithoutDaylightSavingTimeValidlyAcrossYears() throws Exception {
        List<CalendarEntry> entries = List.of(
                at("Asia/Tokyo", "2022-12-31T23:00", "2023-01-01T01:00"),
                at("America/Sao_Paulo", "2018-11-04T00:30", "2018-11-04T02:00"),
                at("Europe/Lisbon", "2022-10-30T01:30", "2022-10-30T01:45"),
                at("Europe/Lisbon", "2020-03-29T10:00", "2020-03-29T11:00"));

        String ics = ICalendarWriter.feed("Zones", entries);

        Calendar calendar = parseStrictly(ics);
        assertThat(calendar.<CalendarComponent>getComponents("VTIMEZONE"))
                .extracting(zone -> property(zone, "TZID"))
                .containsExactly("America/Sao_Paulo", "Asia/Tokyo", "Europe/Lisbon");
        assertThat(calendar.getComponents("VEVENT")).hasSize(4);
        assertThat(ics)
                .contains("TZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:20210101T000000\r\nTZOFFSETFROM:+0900\r\n")
                .contains("TZID:Europe/Lisbon\r\nBEGIN:STANDARD\r\nDTSTART:20190101T000000\r\n")
                .contains("DTSTART:20231029T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n");
    }

    @Test
    void escapesDataSoThatItCannotBreakOutOfItsProperty() throws Exception {
        String title = "Cities; regions, towns\\villages\nEND:VEVENT\r\nBEGIN:VALARM";
        CalendarEntry hostile = new CalendarEntry(
                SESSION,
                1,
                Status.CONFIRMED,
                Instant.parse("2022-09-20T08:00:00Z"),
                null,
                LocalDateTime.parse("2022-10-11T16:30"),
                LocalDateTime.parse("2022-10-11T18:00"),
                ZoneId.of("Europe/Warsaw"),
                title,
                null,
                "Line one\nBEGIN:VALARM",
                "Room\r\nX-INJECTED:yes",
                "https://herald.example/\r\nBEGIN:VALARM",
                List.of("Cities, regions"),
                new Organizer("Herald\"\r\nX-INJECTED:yes", "noreply@herald.local\r\nX-INJECTED:yes"));

        String ics = ICalendarWriter.invitation(hostile).to("Gmina\r\nX-INJECTED:yes", "a@b.example\r\nX:y");

        assertThat(ics.replace("\r\n ", ""))
                .contains("\r\nSUMMARY:Cities\\; regions\\, towns\\\\villages\\nEND:VEVENT\\nBEGIN:VALARM\r\n")
                .doesNotContain("\r\nX-INJECTED")
                .doesNotContain("\r\nX:y")
                .doesNotContain("\r\nBEGIN:VALARM");
        VEvent event = parseStrictly(ics).<VEvent>getComponents("VEVENT").get(0);
        assertThat(property(event, "SUMMARY")).isEqualTo(title.replace("\r\n", "\n"));
        assertThat(property(event, "DESCRIPTION")).isEqualTo("Line one\nBEGIN:VALARM");
        assertThat(property(event, "CATEGORIES")).isEqualTo("Cities\\, regions");
        assertThat(event.getComponentList().getAll()).isEmpty();
    }

    private static CalendarEntry networking(Status status) {
        return networking(SESSION, status);
    }

    private static CalendarEntry networking(String id, Status status) {
        return new CalendarEntry(
                id,
                status == Status.CANCELLED ? 3 : 2,
                status,
                Instant.parse("2022-09-20T08:00:00Z"),
                Instant.parse("2022-09-01T08:00:00Z"),
                LocalDateTime.parse("2022-10-11T16:30"),
                LocalDateTime.parse("2022-10-11T18:00"),
                ZoneId.of("Europe/Warsaw"),
                "Sieciowanie miast i gmin",
                "pl",
                "Jak miasta przekazują sobie wiedzę",
                "Zoom | " + JOIN,
                JOIN,
                List.of("Spójność terytorialna"),
                new Organizer("Herald", "noreply@herald.local"));
    }

    private static CalendarEntry at(String zone, String start, String end) {
        return new CalendarEntry(
                zone.replace("/", "-") + "-" + start,
                1,
                Status.CONFIRMED,
                Instant.parse("2022-09-20T08:00:00Z"),
                null,
                LocalDateTime.parse(start),
                LocalDateTime.parse(end),
                ZoneId.of(zone),
                "Trabalho em rede",
                "pt",
                null,
                "Centro de Congressos",
                null,
                List.of(),
                new Organizer("Herald", "noreply@herald.local"));
    }

    private static String timeZone(String ics) {
        return ics.substring(ics.indexOf("BEGIN:VTIMEZONE"), ics.indexOf("END:VTIMEZONE"));
    }

    /** Parses without any of ical4j's relaxations and validates against RFC 5545 and RFC 5546. */
    private static Calendar parseStrictly(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        var validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        return calendar;
    }

    private static String property(Calendar calendar, String name) {
        return calendar.getProperties().stream()
                .filter(property -> property.getName().equals(name))
                .findFirst()
                .map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + name + " in the calendar"));
    }

    private static String property(Component component, String name) {
        return component.getProperties().stream()
                .map(Property.class::cast)
                .filter(property -> property.getName().equals(name))
                .findFirst()
                .map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + name + " in " + component));
    }
}
