package eu.herald.calendar;

import eu.herald.calendar.CalendarEntry.Organizer;
import eu.herald.calendar.CalendarEntry.Status;
import java.util.List;

/**
 * Writes sessions as iCalendar: a feed that calendar clients subscribe to (RFC 5545, METHOD:PUBLISH) or an
 * invitation sent by mail (RFC 5546, METHOD:REQUEST to add or move the entry, METHOD:CANCEL to remove it). Each
 * entry is a VEVENT with the session's UID, SEQUENCE = its version and local times with their TZID, each zone
 * described by a VTIMEZONE.
 */
public final class ICalendarWriter {

    private static final String PRODUCT = "-//Herald//Calendar//EN";

    private ICalendarWriter() {}

    /** A feed named {@code name} with every entry, the cancelled ones marked so. */
    public static String feed(String name, List<CalendarEntry> entries) {
        ContentLines lines = begin("PUBLISH").text("X-WR-CALNAME", name).append(TimeZones.of(entries));
        entries.forEach(entry -> event(lines, entry));
        return lines.property("END", "VCALENDAR").toString();
    }

    /**
     * An invitation to the entry, or its cancellation when the entry is cancelled, written once and addressed to
     * each attendee with {@link Invitation#to}.
     */
    public static Invitation invitation(CalendarEntry entry) {
        String method = entry.status() == Status.CANCELLED ? "CANCEL" : "REQUEST";
        ContentLines head = begin(method).append(TimeZones.of(List.of(entry)));
        properties(head.property("BEGIN", "VEVENT"), entry);
        String tail = new ContentLines()
                .property("END", "VEVENT")
                .property("END", "VCALENDAR")
                .toString();
        return new Invitation(method, head.toString(), tail);
    }

    private static ContentLines begin(String method) {
        return new ContentLines()
                .property("BEGIN", "VCALENDAR")
                .property("VERSION", "2.0")
                .property("PRODID", PRODUCT)
                .property("CALSCALE", "GREGORIAN")
                .property("METHOD", method);
    }

    private static void event(ContentLines lines, CalendarEntry entry) {
        properties(lines.property("BEGIN", "VEVENT"), entry).property("END", "VEVENT");
    }

    private static ContentLines properties(ContentLines lines, CalendarEntry entry) {
        String zone = ";TZID=" + entry.zone().getId();
        lines.property("UID", entry.uid())
                .property("SEQUENCE", Integer.toString(entry.version()))
                .property("DTSTAMP", ContentLines.utc(entry.modified()));
        if (entry.created() != null) {
            lines.property("CREATED", ContentLines.utc(entry.created()));
        }
        lines.property("LAST-MODIFIED", ContentLines.utc(entry.modified()))
                .property("DTSTART" + zone, ContentLines.local(entry.start()))
                .property("DTEND" + zone, ContentLines.local(entry.end()))
                .text(
                        entry.titleLanguage() == null ? "SUMMARY" : "SUMMARY;LANGUAGE=" + entry.titleLanguage(),
                        entry.title());
        String description = entry.description();
        if (description != null && !description.isBlank()) {
            lines.text("DESCRIPTION", description);
        }
        String location = entry.location();
        if (location != null && !location.isBlank()) {
            lines.text("LOCATION", location);
        }
        String url = entry.url();
        if (url != null && !url.isBlank()) {
            lines.property("URL", url);
        }
        if (!entry.categories().isEmpty()) {
            lines.property(
                    "CATEGORIES",
                    String.join(
                            ",",
                            entry.categories().stream()
                                    .map(ContentLines::escape)
                                    .toList()));
        }
        Organizer organizer = entry.organizer();
        return lines.property("STATUS", entry.status().name())
                .property("TRANSP", "OPAQUE")
                .property("ORGANIZER;CN=" + ContentLines.quoted(organizer.name()), "mailto:" + organizer.address());
    }
}
