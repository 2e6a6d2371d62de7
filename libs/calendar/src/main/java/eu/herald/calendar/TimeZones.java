package eu.herald.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One VTIMEZONE per zone the entries use, from the JVM's own zone rules: the observance in force on 1 January of
 * the year before the first entry, then every transition until the end of the year after the last one. Explicit
 * observances rather than recurrence rules are exact for any zone, and the margin of a year keeps an entry and its
 * later moves inside what the calendar describes. The same entries always give the same VTIMEZONE, so a feed and a
 * mail about one session describe its zone alike.
 */
final class TimeZones {

    private TimeZones() {}

    static ContentLines of(List<CalendarEntry> entries) {
        Map<ZoneId, int[]> years = new TreeMap<>((a, b) -> a.getId().compareTo(b.getId()));
        for (CalendarEntry entry : entries) {
            years.merge(
                    entry.zone(),
                    new int[] {entry.start().getYear() - 1, entry.end().getYear() + 1},
                    (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        ContentLines lines = new ContentLines();
        years.forEach((zone, range) -> timeZone(lines, zone, range[0], range[1]));
        return lines;
    }

    private static void timeZone(ContentLines lines, ZoneId zone, int firstYear, int lastYear) {
        ZoneRules rules = zone.getRules();
        Instant from = LocalDate.of(firstYear, 1, 1).atStartOfDay(zone).toInstant();
        Instant until = LocalDate.of(lastYear + 1, 1, 1).atStartOfDay(zone).toInstant();
        lines.property("BEGIN", "VTIMEZONE").text("TZID", zone.getId());
        ZoneOffset initial = rules.getOffset(from);
        observance(lines, zone, from, LocalDateTime.ofInstant(from, initial), rules.getOffset(from.minusSeconds(1)));
        for (ZoneOffsetTransition transition = rules.nextTransition(from);
                transition != null && transition.getInstant().isBefore(until);
                transition = rules.nextTransition(transition.getInstant())) {
            observance(
                    lines, zone, transition.getInstant(), transition.getDateTimeBefore(), transition.getOffsetBefore());
        }
        lines.property("END", "VTIMEZONE");
    }

    /**
     * The observance that starts at {@code at}, {@code start} in the offset before it. No TZNAME (optional in RFC 5545):
     * JDK 17 names a zone by its offset (GMT+01:00 for CET) now and then while other threads look up zone names in
     * other languages, which made a mail's VTIMEZONE differ from the feed's for the same session.
     */
    private static void observance(
            ContentLines lines, ZoneId zone, Instant at, LocalDateTime start, ZoneOffset offsetBefore) {
        ZoneRules rules = zone.getRules();
        String kind = rules.isDaylightSavings(at) ? "DAYLIGHT" : "STANDARD";
        lines.property("BEGIN", kind)
                .property("DTSTART", ContentLines.local(start))
                .property("TZOFFSETFROM", ContentLines.offset(offsetBefore))
                .property("TZOFFSETTO", ContentLines.offset(rules.getOffset(at)))
                .property("END", kind);
    }
}
