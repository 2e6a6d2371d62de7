package eu.herald.notifications.email;

import eu.herald.calendar.Invitation;
import eu.herald.notifications.email.EmailMessage.CalendarPart;
import eu.herald.notifications.rendering.Notice;
import eu.herald.notifications.rendering.Wording;
import eu.herald.notifications.request.SessionChange;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One change rendered for every recipient who reads the same language in the same time zone: subject, text, HTML
 * and iCalendar, with {@link Placeholders} where each recipient's own parts go (its name, its unsubscribe link,
 * its address as attendee). Rendered once per (change, language, zone) and shared. What it says is the
 * {@link Notice} every channel tells; the layout is the email's.
 */
final class Rendering {

    private final SessionChange change;
    private final Locale language;
    private final ZoneId zone;
    private final Notice notice;
    private final Wording words;

    Rendering(SessionChange change, Locale language, ZoneId zone) {
        this.change = change;
        this.language = language;
        this.zone = zone;
        this.notice = new Notice(change, language, zone);
        this.words = notice.words();
    }

    /**
     * The rendered templates.
     *
     * @param calendar the iCalendar part, with {@link Placeholders#ATTENDEE} where an invitation's attendee goes;
     *     null for a mail without one
     */
    record Rendered(
            String subject,
            String text,
            String html,
            @Nullable CalendarPart calendar) {}

    Rendered render(String organizer) {
        Invitation invitation = ICalendar.invitation(change, language, organizer);
        MailBody body = new MailBody(language, subject())
                .paragraph(words.text("greeting"))
                .paragraph(notice.intro())
                .table(1, notice.title(), MailBody.session(words, notice.when(), notice.where(), notice.details()))
                .changes(words.text("label.changes"), notice.changes())
                .note(words.text("zone.note", zone.getId()))
                .footer(words.text("footer", Placeholders.RECIPIENT));
        return new Rendered(
                subject(),
                body.text(),
                body.html(),
                new CalendarPart(invitation.method(), ICalendar.template(invitation)));
    }

    String subject() {
        return notice.subject();
    }
}
