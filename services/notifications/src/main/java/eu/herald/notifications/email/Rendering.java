package eu.herald.notifications.email;

import eu.herald.calendar.Invitation;
import eu.herald.notifications.rendering.ChangedField;
import eu.herald.notifications.rendering.Detail;
import eu.herald.notifications.rendering.Notice;
import eu.herald.notifications.rendering.Wording;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * One change rendered for every recipient who reads the same language in the same time zone: subject, text, HTML
 * and iCalendar, with {@link Placeholders} where each recipient's own parts go (its name, its unsubscribe link,
 * its address as attendee). Rendered once per (change, language, zone) and shared. What it says is the
 * {@link Notice} every channel tells; the layout is the email's.
 */
final class Rendering {

    private final SessionChange change;
    private final Session session;
    private final Locale language;
    private final ZoneId zone;
    private final Notice notice;
    private final Wording words;

    Rendering(SessionChange change, Locale language, ZoneId zone) {
        this.change = change;
        this.session = change.session();
        this.language = language;
        this.zone = zone;
        this.notice = new Notice(change, language, zone);
        this.words = notice.words();
    }

    /** The rendered templates. */
    record Rendered(String subject, String text, String html, String calendarMethod, String calendar) {}

    Rendered render(String organizer) {
        Invitation invitation = ICalendar.invitation(change, language, organizer);
        return new Rendered(subject(), text(), html(), invitation.method(), ICalendar.template(invitation));
    }

    String subject() {
        return notice.subject();
    }

    private String text() {
        Lines text = new Lines();
        text.add(words.text("greeting")).blank();
        text.add(notice.intro()).blank();
        text.add(notice.title());
        text.add(words.text("label.when") + ": " + notice.when());
        String where = notice.where();
        if (where != null) {
            text.add(words.text("label.where") + ": " + where);
        }
        for (Detail detail : notice.details()) {
            text.add(detail.label() + ": " + detail.value());
        }
        List<ChangedField> changes = notice.changes();
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
        html.append("<p>").append(escape(notice.intro())).append("</p>\n");
        html.append("<h1 style=\"font-size:1.3em\">")
                .append(escape(notice.title()))
                .append("</h1>\n<table>\n");
        row(html, words.text("label.when"), escape(notice.when()));
        String where = notice.where();
        if (where != null) {
            row(html, words.text("label.where"), escape(where));
        }
        for (Detail detail : notice.details()) {
            row(html, detail.label(), detail.link() ? link(detail.value()) : escape(detail.value()));
        }
        html.append("</table>\n");
        List<ChangedField> changes = notice.changes();
        if (!changes.isEmpty()) {
            html.append("<h2 style=\"font-size:1.1em\">")
                    .append(escape(words.text("label.changes")))
                    .append("</h2>\n<ul>\n");
            for (ChangedField change : changes) {
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
