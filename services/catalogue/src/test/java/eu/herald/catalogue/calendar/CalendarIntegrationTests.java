package eu.herald.catalogue.calendar;

import static eu.herald.catalogue.SessionJson.JOIN_LINK;
import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.CatalogueIntegrationTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The iCalendar feeds, read back by ical4j's strict parser and validator. */
class CalendarIntegrationTests extends CatalogueIntegrationTest {

    @Test
    void servesTheSeededSessionAsAValidCalendarInPolish() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/sessions/{id}/calendar.ics", SEEDED_SESSION)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "pl-PL,pl;q=0.9,en;q=0.5")
                .exchange();

        assertThat(result).hasStatusOk().hasContentType("text/calendar;charset=UTF-8");
        String ics = body(result);
        assertThat(ics).contains("\r\n").doesNotContain("\n\n");
        Calendar calendar = parseStrictly(ics);
        VEvent event = (VEvent) calendar.getComponents("VEVENT").get(0);
        assertThat(property(event, "UID")).isEqualTo(SEEDED_SESSION + "@herald");
        assertThat(property(event, "SEQUENCE")).isEqualTo("1");
        assertThat(property(event, "DTSTAMP")).isEqualTo("20220920T080000Z");
        assertThat(property(event, "DTSTART")).isEqualTo("20221011T163000");
        assertThat(property(event, "SUMMARY"))
                .isEqualTo("Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji");
        assertThat(property(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(property(event, "URL")).isEqualTo(JOIN_LINK);
        assertThat(property(event, "LOCATION")).contains("Zoom").contains(JOIN_LINK);
        assertThat(property(event, "CATEGORIES")).isEqualTo("Spójność terytorialna");
        assertThat(ics).contains("DTSTART;TZID=Europe/Warsaw:20221011T163000");
        Component timeZone = calendar.getComponents("VTIMEZONE").get(0);
        assertThat(property(timeZone, "TZID")).isEqualTo("Europe/Warsaw");
        assertThat(ics).contains("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200");
    }

    @Test
    void answersNotModifiedToAClientPollingAnUnchangedCalendar() {
        MvcTestResult first = mvc.get()
                .uri("/api/events/{id}/calendar.ics?lang=pt", SEEDED_EVENT)
                .exchange();
        assertThat(first).hasStatusOk();
        String tag = first.getResponse().getHeader(HttpHeaders.ETAG);
        String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(tag).isNotBlank();
        assertThat(lastModified).isNotBlank();

        assertThat(mvc.get()
                        .uri("/api/events/{id}/calendar.ics?lang=pt", SEEDED_EVENT)
                        .header(HttpHeaders.IF_NONE_MATCH, tag))
                .hasStatus(304);
        assertThat(mvc.get()
                        .uri("/api/events/{id}/calendar.ics?lang=en", SEEDED_EVENT)
                        .header(HttpHeaders.IF_NONE_MATCH, tag))
                .hasStatusOk();
    }

    @Test
    void showsAChangedSessionWithAHigherSequenceAndACancelledOneAsCancelled() throws Exception {
        String theme = "digital-transformation";
        String body = networking("2023-03-26T01:30", "2023-03-26T04:00", "Zoom", "")
                .replace("territorial-cohesion", theme)
                .replace(
                        "\"zone\"",
                        "\"description\": {\"en\": \"Day one; day two, and\\na second line that is long enough to be folded somewhere along the way\"}, \"zone\"");
        String moved = published(body);
        assertThat(put(moved, "\"1\"", body.replace("2023-03-26T04:00", "2023-03-26T05:00")))
                .hasStatusOk();
        String cancelled = published(body);
        assertThat(cancel(cancelled, "\"1\"", "Speaker ill")).hasStatusOk();
        String draft = idOf(post(body));

        MvcTestResult result =
                mvc.get().uri("/api/themes/{slug}/calendar.ics", theme).exchange();

        assertThat(result).hasStatusOk();
        List<VEvent> events = parseStrictly(body(result)).getComponents("VEVENT");
        assertThat(events)
                .extracting(event -> property(event, "UID"))
                .contains(moved + "@herald", cancelled + "@herald")
                .doesNotContain(draft + "@herald");
        VEvent changed = find(events, moved);
        assertThat(property(changed, "SEQUENCE")).isEqualTo("2");
        assertThat(property(changed, "DESCRIPTION")).startsWith("Day one; day two, and\na second line");
        assertThat(property(find(events, cancelled), "STATUS")).isEqualTo("CANCELLED");
        assertThat(mvc.get().uri("/api/sessions/{id}/calendar.ics", draft)).hasStatus(404);
    }

    private static VEvent find(List<VEvent> events, String id) {
        return events.stream()
                .filter(event -> property(event, "UID").equals(id + "@herald"))
                .findFirst()
                .orElseThrow();
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Parses without any of ical4j's relaxations and validates against RFC 5545. */
    @Test
    void escapesOperatorTextSoThatItCannotBreakOutOfItsProperty() throws Exception {
        String title = "Cities; regions, towns\\villages\nEND:VEVENT\nBEGIN:VEVENT";
        String session = published(networking()
                .replace(
                        "\"Networking of cities and municipalities as a way to transfer knowledge and innovation\"",
                        json.writeValueAsString(title)));

        MvcTestResult result = mvc.get()
                .uri("/api/sessions/{id}/calendar.ics?lang=en", session)
                .exchange();

        assertThat(result).hasStatusOk();
        String ics = body(result);
        // unfolded (RFC 5545 3.1): the whole title is one escaped value, on one logical line
        assertThat(ics.replace("\r\n ", ""))
                .contains(
                        "\r\nSUMMARY;LANGUAGE=en:Cities\\; regions\\, towns\\\\villages\\nEND:VEVENT\\nBEGIN:VEVENT\r\n");
        Calendar calendar = parseStrictly(ics);
        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        assertThat(property(calendar.getComponents("VEVENT").get(0), "SUMMARY")).isEqualTo(title);
    }

    private static Calendar parseStrictly(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        var validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        return calendar;
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
