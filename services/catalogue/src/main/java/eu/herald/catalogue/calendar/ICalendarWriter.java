package eu.herald.catalogue.calendar;

import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionDetails;
import eu.herald.catalogue.session.SessionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes sessions as an RFC 5545 calendar. Each session is a VEVENT with a stable UID, SEQUENCE = version and
 * DTSTAMP = its last modification, in its own time zone (TZID) described by a VTIMEZONE that lists the
 * zone's offsets and transitions over the years the sessions span. Lines are folded at 75 octets.
 */
final class ICalendarWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    private ICalendarWriter() {}

    /**
     * @param languages the reader's languages, most preferred first
     * @param themeLabels a theme's label in the reader's language, by slug
     */
    static String write(
            String name, List<Session> sessions, List<String> languages, Function<String, String> themeLabels) {
        var writer = new ICalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:-//Herald//Catalogue//EN");
        writer.line("CALSCALE:GREGORIAN");
        writer.line("X-WR-CALNAME:" + text(name));
        writer.timeZones(sessions);
        sessions.forEach(session -> writer.event(session, languages, themeLabels));
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    private void event(Session session, List<String> languages, Function<String, String> themeLabels) {
        SessionDetails details = session.details();
        String language = languages.stream()
                .filter(candidate -> details.title().in(candidate).isPresent())
                .findFirst()
                .orElse(details.defaultLanguage());
        line("BEGIN:VEVENT");
        line("UID:" + session.id() + "@herald.eu");
        line("SEQUENCE:" + session.version());
        line("DTSTAMP:" + UTC.format(session.updatedAt()));
        line("CREATED:" + UTC.format(session.createdAt()));
        line("LAST-MODIFIED:" + UTC.format(session.updatedAt()));
        line("DTSTART;TZID=" + details.zone() + ":" + LOCAL.format(details.start()));
        line("DTEND;TZID=" + details.zone() + ":" + LOCAL.format(details.end()));
        line("SUMMARY;LANGUAGE=" + language + ":"
                + text(details.title()
                        .preferring(List.of(language), details.defaultLanguage())
                        .orElse("")));
        String description = details.description()
                .preferring(languages, details.defaultLanguage())
                .orElse("");
        if (session.status() == SessionStatus.CANCELLED) {
            description = ("CANCELLED: " + Objects.requireNonNullElse(session.cancellationReason(), "") + "\n\n"
                            + description)
                    .strip();
        }
        if (details.registrationLink() != null) {
            description = (description + "\n\n" + details.registrationLink()).strip();
        }
        if (!description.isEmpty()) {
            line("DESCRIPTION:" + text(description));
        }
        String location = location(details);
        if (location != null) {
            line("LOCATION:" + text(location));
        }
        String url = details.joinLink() != null ? details.joinLink() : details.registrationLink();
        if (url != null) {
            line("URL:" + url);
        }
        if (!details.themes().isEmpty()) {
            line("CATEGORIES:"
                    + details.themes().stream()
                            .map(themeLabels)
                            .map(ICalendarWriter::text)
                            .collect(Collectors.joining(",")));
        }
        line("STATUS:" + (session.status() == SessionStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }

    private static @Nullable String location(SessionDetails details) {
        var parts = new ArrayList<String>();
        if (details.venue() != null) {
            parts.add(details.venue());
        }
        if (details.platform() != null) {
            parts.add(details.platform());
        }
        if (details.joinLink() != null) {
            parts.add(details.joinLink());
        }
        return parts.isEmpty() ? null : String.join(" | ", parts);
    }

    /** One VTIMEZONE per zone, covering from the first year to the last year any session of that zone touches. */
    private void timeZones(List<Session> sessions) {
        var years = new TreeMap<String, int[]>();
        for (Session session : sessions) {
            SessionDetails details = session.details();
            int first = details.start().getYear();
            int last = details.end().getYear();
            years.merge(details.zone(), new int[] {first, last}, (a, b) ->
                    new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        years.forEach((zone, range) -> timeZone(ZoneId.of(zone), range[0], range[1]));
    }

    private void timeZone(ZoneId zone, int firstYear, int lastYear) {
        ZoneRules rules = zone.getRules();
        Instant from = LocalDate.of(firstYear, 1, 1).atStartOfDay(zone).toInstant();
        Instant until = LocalDate.of(lastYear + 1, 1, 1).atStartOfDay(zone).toInstant();
        line("BEGIN:VTIMEZONE");
        line("TZID:" + zone.getId());
        ZoneOffset initial = rules.getOffset(from);
        observance(
                rules.isDaylightSavings(from),
                LocalDateTime.ofInstant(from, initial),
                rules.getOffset(from.minusSeconds(1)),
                initial);
        for (ZoneOffsetTransition transition = rules.nextTransition(from);
                transition != null && transition.getInstant().isBefore(until);
                transition = rules.nextTransition(transition.getInstant())) {
            observance(
                    rules.isDaylightSavings(transition.getInstant()),
                    transition.getDateTimeBefore(),
                    transition.getOffsetBefore(),
                    transition.getOffsetAfter());
        }
        line("END:VTIMEZONE");
    }

    private void observance(boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        line("BEGIN:" + kind);
        line("DTSTART:" + LOCAL.format(start));
        line("TZOFFSETFROM:" + offset(from));
        line("TZOFFSETTO:" + offset(to));
        line("END:" + kind);
    }

    /** {@code +0200}, or {@code +053730} for the odd historical offset with seconds. */
    static String offset(ZoneOffset offset) {
        int seconds = Math.abs(offset.getTotalSeconds());
        String sign = offset.getTotalSeconds() < 0 ? "-" : "+";
        String hhmm = String.format("%s%02d%02d", sign, seconds / 3600, seconds / 60 % 60);
        return seconds % 60 == 0 ? hhmm : hhmm + String.format("%02d", seconds % 60);
    }

    /** Escapes a TEXT value (RFC 5545 section 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\n")
                .replace("\r", "\n")
                .replace("\n", "\\n");
    }

    /** Appends a content line, folded so no line exceeds 75 octets, never inside a UTF-8 character. */
    private void line(String content) {
        out.append(fold(content)).append("\r\n");
    }

    static String fold(String content) {
        var folded = new StringBuilder(content.length() + 8);
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + length > MAX_OCTETS) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += length;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    /** A theme's label in the first of the languages that has one. */
    static Function<String, String> labels(Map<String, Map<String, String>> labelsBySlug, List<String> languages) {
        return slug -> {
            Map<String, String> labels = labelsBySlug.getOrDefault(slug, Map.of());
            return languages.stream()
                    .map(labels::get)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(labels.getOrDefault("en", slug));
        };
    }
}
