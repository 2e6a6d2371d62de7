package eu.herald.notifications.email;

import eu.herald.notifications.email.Rendering.Rendered;
import eu.herald.notifications.rendering.Detail;
import eu.herald.notifications.rendering.ReminderNotice;
import eu.herald.notifications.rendering.Wording;
import eu.herald.notifications.request.SessionChange;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A reminder that a session starts soon, laid out as the change mails are, with {@link Placeholders} for the
 * recipient's own parts. It has no calendar part: the entry the session's mails put in the calendar is unchanged.
 */
final class ReminderMail {

    private ReminderMail() {}

    static Rendered render(SessionChange change, Duration lead, Locale language, ZoneId zone) {
        ReminderNotice reminder = new ReminderNotice(change, lead, language, zone);
        Wording words = reminder.words();
        Detail join = reminder.join();
        MailBody body = new MailBody(language, reminder.subject())
                .paragraph(words.text("greeting"))
                .paragraph(reminder.intro())
                .table(
                        1,
                        reminder.title(),
                        MailBody.session(
                                words, reminder.when(), reminder.where(), join == null ? List.of() : List.of(join)))
                .note(words.text("zone.note", zone.getId()))
                .footer(words.text("footer", Placeholders.RECIPIENT));
        return new Rendered(reminder.subject(), body.text(), body.html(), null);
    }
}
