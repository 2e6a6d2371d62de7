package eu.herald.notifications.email;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;

/**
 * Writes iCalendar (RFC 5545) content lines: TEXT values escaped, lines folded at 75 octets without splitting a
 * UTF-8 sequence, CRLF line ends. Control characters in data never reach a line, so no value can start a
 * property or a component of its own.
 */
final class ICalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private final StringBuilder content = new StringBuilder();

    /** A property with a raw value (a date, a number, a URI) that the caller knows to be safe. */
    ICalendar line(String nameAndParameters, String value) {
        fold(nameAndParameters + ":" + value.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\uE000]", ""));
        return this;
    }

    /** A line filled in per recipient (see {@link Placeholders}), folded when it is. */
    ICalendar placeholder(String token) {
        content.append(token).append("\r\n");
        return this;
    }

    /** A property of type TEXT. */
    ICalendar text(String name, String value) {
        return line(name, escape(value));
    }

    String content() {
        return content.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    static String local(LocalDateTime time) {
        return LOCAL.format(time);
    }

    static String utc(Instant time) {
        return UTC.format(time);
    }

    /**
     * A VTIMEZONE for the zone, with every transition from the year before {@code around} to the year after
     * (explicit observances rather than rules: exact for any zone, and enough for an event and its changes).
     */
    ICalendar timeZone(ZoneId zone, LocalDateTime around) {
        ZoneRules rules = zone.getRules();
        line("BEGIN", "VTIMEZONE");
        text("TZID", zone.getId());
        Instant from = LocalDateTime.of(around.getYear() - 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        Instant to = LocalDateTime.of(around.getYear() + 2, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition transition = rules.nextTransition(from);
        boolean any = false;
        while (transition != null && transition.getInstant().isBefore(to)) {
            Instant at = transition.getInstant();
            String kind = rules.isDaylightSavings(at) ? "DAYLIGHT" : "STANDARD";
            line("BEGIN", kind);
            line("DTSTART", local(transition.getDateTimeBefore()));
            line("TZOFFSETFROM", offset(transition.getOffsetBefore()));
            line("TZOFFSETTO", offset(transition.getOffsetAfter()));
            text("TZNAME", ABBREVIATION.format(ZonedDateTime.ofInstant(at, zone)));
            line("END", kind);
            any = true;
            transition = rules.nextTransition(at);
        }
        if (!any) {
            ZoneOffset offset = rules.getOffset(around.toInstant(ZoneOffset.UTC));
            line("BEGIN", "STANDARD");
            line("DTSTART", "19700101T000000");
            line("TZOFFSETFROM", offset(offset));
            line("TZOFFSETTO", offset(offset));
            text("TZNAME", ABBREVIATION.format(around.atZone(zone)));
            line("END", "STANDARD");
        }
        return line("END", "VTIMEZONE");
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int absolute = Math.abs(seconds);
        String text = String.format(
                Locale.ROOT, "%s%02d%02d", seconds < 0 ? "-" : "+", absolute / 3600, (absolute / 60) % 60);
        return absolute % 60 == 0 ? text : text + String.format(Locale.ROOT, "%02d", absolute % 60);
    }

    /** RFC 5545 3.1: at most 75 octets per line, continuation lines start with a space. */
    private void fold(String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(UTF_8).length;
            if (octets + size > limit) {
                content.append("\r\n ");
                octets = 1;
            }
            content.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        content.append("\r\n");
    }
}
