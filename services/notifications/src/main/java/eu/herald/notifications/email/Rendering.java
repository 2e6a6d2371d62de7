package eu.herald.notifications.email;

import eu.herald.notifications.delivery.ChangeKind;
import eu.herald.notifications.delivery.Session;
import eu.herald.notifications.delivery.SessionChange;
import eu.herald.notifications.delivery.Texts;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * One change rendered for every recipient who reads the same language in the same time zone: subject, text, HTML
 * and iCalendar, with {@link Placeholders} where each recipient's own parts go (its name, its unsubscribe link,
 * its address as attendee). Rendered once per (change, language, zone) and shared.
 */
final class Rendering {

    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final int MAX_VALUE_LENGTH = 300;

    private final SessionChange change;
    private final Session session;
    private final Locale language;
    private final ZoneId zone;
    private final Wording words;
    private final LocalTimes times;

    Rendering(SessionChange change, Locale language, ZoneId zone) {
        this.change = change;
        this.session = change.session();
        this.language = language;
        this.zone = zone;
        this.words = Wording.in(language);
        this.times = new LocalTimes(zone, words.text("date.pattern"), language);
    }

    /** The rendered templates. */
    record Rendered(String subject, String text, String html, String calendarMethod, String calendar) {}

    Rendered render(String organizer) {
        return new Rendered(subject(), text(), html(), calendarMethod(), calendar(organizer));
    }

    String subject() {
        return HeaderValues.oneLine(words.text("subject." + change.kind(), session.title(language)));
    }

    /** A publication or change in two or three lines, for channels with little room (web push). */
    String shortText() {
        Lines text = new Lines();
        text.add(words.text("intro." + change.kind()));
        text.add(words.text("label.when") + ": " + when());
        if (change.kind() == ChangeKind.CANCELLED) {
            details().forEach(detail -> text.add(detail.label() + ": " + detail.value()));
        }
        return text.toString().strip();
    }

    private String when() {
        return times.span(times.at(session.start(), session.zone()), times.at(session.end(), session.zone()));
    }

    private String text() {
        Lines text = new Lines();
        text.add(words.text("greeting")).blank();
        text.add(words.text("intro." + change.kind())).blank();
        text.add(oneLine(session.title(language)));
        text.add(words.text("label.when") + ": " + when());
        String where = where();
        if (where != null) {
            text.add(words.text("label.where") + ": " + where);
        }
        for (Detail detail : details()) {
            text.add(detail.label() + ": " + detail.value());
        }
        List<Change> changes = changes();
        if (!changes.isEmpty()) {
            text.blank().add(words.text("label.changes") + ":");
            changes.forEach(
                    change -> text.add("- " + change.label() + ": " + change.before() + " → " + change.after()));
        }
        text.blank().add(words.text("zone.note", zone.getId()));
        text.blank().add(words.text("footer", Placeholders.RECIPIENT));
        text.add(Placeholders.UNSUBSCRIBE);
        return text.toString();
    }

    private String html() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(language.toLanguageTag()))
                .append("\">\n<head><meta charset=\"UTF-8\"><title>")
                .append(escape(subject()))
                .append("</title></head>\n<body style=\"font-family:sans-serif;line-height:1.4\">\n");
        html.append("<p>").append(escape(words.text("greeting"))).append("</p>\n");
        html.append("<p>").append(escape(words.text("intro." + change.kind()))).append("</p>\n");
        html.append("<h1 style=\"font-size:1.3em\">")
                .append(escape(oneLine(session.title(language))))
                .append("</h1>\n<table>\n");
        row(html, words.text("label.when"), escape(when()));
        String where = where();
        if (where != null) {
            row(html, words.text("label.where"), escape(where));
        }
        for (Detail detail : details()) {
            row(html, detail.label(), detail.link() ? link(detail.value()) : escape(detail.value()));
        }
        html.append("</table>\n");
        List<Change> changes = changes();
        if (!changes.isEmpty()) {
            html.append("<h2 style=\"font-size:1.1em\">")
                    .append(escape(words.text("label.changes")))
                    .append("</h2>\n<ul>\n");
            for (Change change : changes) {
                html.append("<li>")
                        .append(escape(change.label()))
                        .append(": <del>")
                        .append(escape(change.before()))
                        .append("</del> → <ins>")
                        .append(escape(change.after()))
                        .append("</ins></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<p><small>")
                .append(escape(words.text("zone.note", zone.getId())))
                .append("</small></p>\n");
        html.append("<p><small>")
                .append(escape(words.text("footer", Placeholders.RECIPIENT)))
                .append("</small></p>\n");
        html.append(Placeholders.UNSUBSCRIBE).append("\n</body>\n</html>\n");
        return html.toString();
    }

    private String calendarMethod() {
        return change.kind() == ChangeKind.CANCELLED ? "CANCEL" : "REQUEST";
    }

    /**
     * RFC 5545/5546: the same UID for every version of the session, SEQUENCE its version, REQUEST to add or move
     * the entry and CANCEL to remove it, local times with their TZID and a VTIMEZONE.
     */
    private String calendar(String organizer) {
        return ICalendar.template(change, language, organizer);
    }

    /** Join and registration links, or the reason of a cancellation. */
    private List<Detail> details() {
        List<Detail> details = new ArrayList<>();
        if (change.kind() != ChangeKind.CANCELLED) {
            addLink(details, words.text("label.join"), session.joinLink());
            addLink(details, words.text("label.registration"), session.registrationLink());
        } else if (session.cancellationReason() != null
                && !session.cancellationReason().isBlank()) {
            details.add(new Detail(words.text("label.reason"), oneLine(session.cancellationReason()), false));
        }
        return details;
    }

    private void addLink(List<Detail> details, String label, @Nullable String url) {
        if (url != null && !url.isBlank()) {
            String web = webUrl(url);
            details.add(new Detail(label, web != null ? web : oneLine(url), web != null));
        }
    }

    private record Detail(String label, String value, boolean link) {}

    private record Change(String label, String before, String after) {}

    private List<Change> changes() {
        if (change.kind() == ChangeKind.PUBLISHED) {
            return List.of();
        }
        return change.changedFields().stream().map(this::change).toList();
    }

    private Change change(String field) {
        String label = words.textOrNull("field." + field);
        String after = current(field);
        // a field this service does not know yet: say what it was
        return new Change(label == null ? oneLine(field) : label, previous(field), after == null ? "…" : after);
    }

    /** The value after the change, or null for a field the snapshot does not carry here. */
    private @Nullable String current(String field) {
        return switch (field) {
            case "start" -> times.dateTime(times.at(session.start(), session.zone()));
            case "end" -> times.dateTime(times.at(session.end(), session.zone()));
            case "zone" -> session.zone().getId();
            case "title" -> oneLine(session.title(language));
            case "description" -> orNone(session.description(language));
            case "format" -> format(session.format());
            case "status" -> status(session.status());
            case "venue" -> orNone(session.venue());
            case "platform" -> orNone(session.platform());
            case "joinLink" -> orNone(session.joinLink());
            case "registrationLink" -> orNone(session.registrationLink());
            case "cancellationReason" -> orNone(session.cancellationReason());
            case "themes" -> orNone(String.join(", ", session.themes()));
            default -> null;
        };
    }

    private String previous(String field) {
        Object value = change.previous().get(field);
        if (value == null) {
            return words.text("value.none");
        }
        try {
            return switch (field) {
                case "start", "end" -> times.dateTime(times.at(LocalDateTime.parse(value.toString()), previousZone()));
                case "title", "description" -> value instanceof Map<?, ?> texts ? text(strings(texts)) : plain(value);
                case "format" -> format(value.toString());
                case "status" -> status(value.toString());
                default -> plain(value);
            };
        } catch (DateTimeException | ClassCastException e) {
            // an odd previous value must not stop the notification: show it as it came
            return plain(value);
        }
    }

    private ZoneId previousZone() {
        Object previous = change.previous().get("zone");
        if (previous instanceof String id) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                return session.zone();
            }
        }
        return session.zone();
    }

    private @Nullable String where() {
        StringJoiner where = new StringJoiner(", ");
        Stream.of(session.format() == null ? null : format(session.format()), session.venue(), session.platform())
                .filter(Objects::nonNull)
                .map(Rendering::oneLine)
                .filter(part -> !part.isEmpty())
                .forEach(where::add);
        return where.length() == 0 ? null : where.toString();
    }

    private String format(@Nullable String format) {
        if (format == null) {
            return words.text("value.none");
        }
        String text = words.textOrNull("format." + format);
        return text == null ? oneLine(format) : text;
    }

    private String status(@Nullable String status) {
        if (status == null) {
            return words.text("value.none");
        }
        String text = words.textOrNull("status." + status);
        return text == null ? oneLine(status) : text;
    }

    private String text(Map<String, String> texts) {
        return texts.isEmpty()
                ? words.text("value.none")
                : oneLine(Texts.in(texts, language, session.defaultLanguage()));
    }

    private String orNone(@Nullable String value) {
        return value == null || value.isBlank() ? words.text("value.none") : oneLine(value);
    }

    private String plain(Object value) {
        if (value instanceof Collection<?> values) {
            return orNone(values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return orNone(value.toString());
    }

    private static Map<String, String> strings(Map<?, ?> texts) {
        return texts.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(
                        entry -> String.valueOf(entry.getKey()), entry -> String.valueOf(entry.getValue())));
    }

    static @Nullable String webUrl(@Nullable String url) {
        return url != null && WEB_URL.matcher(url).matches() ? url : null;
    }

    /** Values are data: keep each on its own line and short. */
    static String oneLine(String value) {
        String line = HeaderValues.oneLine(value);
        return line.length() <= MAX_VALUE_LENGTH ? line : line.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String link(String url) {
        return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
    }

    private static void row(StringBuilder html, String label, String escapedValue) {
        html.append("<tr><th style=\"text-align:left;padding-right:1em\">")
                .append(escape(label))
                .append("</th><td>")
                .append(escapedValue)
                .append("</td></tr>\n");
    }

    private static final class Lines {

        private final StringBuilder text = new StringBuilder();

        Lines add(String line) {
            text.append(line).append('\n');
            return this;
        }

        Lines blank() {
            text.append('\n');
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
