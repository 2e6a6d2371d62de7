package eu.herald.notifications.email;

import eu.herald.notifications.rendering.ChangedField;
import eu.herald.notifications.rendering.Detail;
import eu.herald.notifications.rendering.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The text and the HTML of a mail written side by side from the same blocks, so that both alternatives say the same:
 * each block is a paragraph of the text (a blank line between two) and an element of the HTML. Every value is
 * escaped here; links are made links only when they are web URLs.
 */
final class MailBody {

    private final List<StringBuilder> blocks = new ArrayList<>();
    private final StringBuilder html = new StringBuilder();

    MailBody(Locale language, String subject) {
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(language.toLanguageTag()))
                .append("\">\n<head><meta charset=\"UTF-8\"><title>")
                .append(escape(subject))
                .append("</title></head>\n<body style=\"font-family:sans-serif;line-height:1.4\">\n");
    }

    MailBody paragraph(String text) {
        block().append(text).append('\n');
        html.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A heading over the blocks that follow, such as an event's name over its sessions. */
    MailBody heading(String text) {
        block().append(text)
                .append('\n')
                .append("=".repeat(text.codePointCount(0, text.length())))
                .append('\n');
        heading(2, text);
        return this;
    }

    /** A title and the labelled values under it: "When: …", "Join: https://…". */
    MailBody table(int level, String title, List<Detail> rows) {
        StringBuilder text = block().append(title).append('\n');
        heading(level, title);
        html.append("<table>\n");
        for (Detail row : rows) {
            text.append(row.label()).append(": ").append(row.value()).append('\n');
            html.append("<tr><th style=\"text-align:left;padding-right:1em\">")
                    .append(escape(row.label()))
                    .append("</th><td>")
                    .append(row.link() ? link(row.value()) : escape(row.value()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        return this;
    }

    /** What changed, old → new: under {@code heading} of its own, or with the block before it when there is none. */
    MailBody changes(@Nullable String heading, List<ChangedField> changes) {
        if (changes.isEmpty()) {
            return this;
        }
        StringBuilder text = heading == null ? blocks.get(blocks.size() - 1) : block().append(heading + ":\n");
        if (heading != null) {
            heading(2, heading);
        }
        html.append("<ul>\n");
        for (ChangedField change : changes) {
            text.append("- ")
                    .append(change.label())
                    .append(": ")
                    .append(change.before())
                    .append(" → ")
                    .append(change.after())
                    .append('\n');
            html.append("<li>")
                    .append(escape(change.label()))
                    .append(": <del>")
                    .append(escape(change.before()))
                    .append("</del> → <ins>")
                    .append(escape(change.after()))
                    .append("</ins></li>\n");
        }
        html.append("</ul>\n");
        return this;
    }

    /** A note in small print, such as the zone the times are in. */
    MailBody note(String text) {
        block().append(text).append('\n');
        html.append("<p><small>").append(escape(text)).append("</small></p>\n");
        return this;
    }

    /** Why the recipient receives the mail, and where its unsubscribe link goes ({@link Placeholders}). */
    MailBody footer(String text) {
        block().append(text).append('\n').append(Placeholders.UNSUBSCRIBE).append('\n');
        html.append("<p><small>").append(escape(text)).append("</small></p>\n");
        html.append(Placeholders.UNSUBSCRIBE).append('\n');
        return this;
    }

    /** When and where a session is, and its links or the reason of its cancellation, as every mail lists them. */
    static List<Detail> session(Wording words, String when, @Nullable String where, List<Detail> details) {
        List<Detail> rows = new ArrayList<>();
        rows.add(new Detail(words.text("label.when"), when, false));
        if (where != null) {
            rows.add(new Detail(words.text("label.where"), where, false));
        }
        rows.addAll(details);
        return rows;
    }

    String text() {
        return String.join("\n", blocks);
    }

    String html() {
        return html + "</body>\n</html>\n";
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private StringBuilder block() {
        StringBuilder block = new StringBuilder();
        blocks.add(block);
        return block;
    }

    private void heading(int level, String text) {
        String size = level == 1 ? "1.3em" : level == 2 ? "1.1em" : "1em";
        html.append("<h")
                .append(level)
                .append(" style=\"font-size:")
                .append(size)
                .append("\">")
                .append(escape(text))
                .append("</h")
                .append(level)
                .append(">\n");
    }

    private static String link(String url) {
        return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
    }
}
