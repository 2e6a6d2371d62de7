package eu.herald.notifications.email;

import eu.herald.notifications.email.Rendering.Rendered;
import eu.herald.notifications.rendering.Detail;
import eu.herald.notifications.rendering.DigestNotice;
import eu.herald.notifications.rendering.DigestNotice.Entry;
import eu.herald.notifications.rendering.DigestNotice.Group;
import eu.herald.notifications.rendering.Notice;
import eu.herald.notifications.rendering.Wording;
import eu.herald.notifications.request.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A daily digest as one mail: every session of the digest under its event's name, with what changed, and one
 * calendar part that publishes all of them (the cancelled ones marked so), each entry with the UID and SEQUENCE
 * of the session's own mails, so that a calendar client updates the entries it has.
 */
final class DigestMail {

    private DigestMail() {}

    static Rendered render(Digest digest, String organizer) {
        DigestNotice notice = new DigestNotice(digest);
        Wording words = notice.words();
        Locale language = digest.recipient().language();
        MailBody body = new MailBody(language, notice.subject())
                .paragraph(words.text("greeting"))
                .paragraph(notice.intro());
        for (Group group : notice.groups()) {
            body.heading(group.heading());
            for (Entry entry : group.entries()) {
                body.table(3, entry.notice().title(), rows(words, entry)).changes(null, entry.changes());
            }
        }
        body.note(words.text("zone.note", digest.recipient().timeZone().getId()))
                .footer(words.text("digest.footer", Placeholders.RECIPIENT));
        return new Rendered(
                notice.subject(),
                body.text(),
                body.html(),
                ICalendar.publication(digest.changes(), language, organizer, words.text("digest.calendar")));
    }

    private static List<Detail> rows(Wording words, Entry entry) {
        Notice session = entry.notice();
        List<Detail> rows = new ArrayList<>();
        if (entry.status() != null) {
            rows.add(new Detail(words.text("field.status"), entry.status(), false));
        }
        rows.addAll(MailBody.session(words, session.when(), session.where(), session.details()));
        return rows;
    }
}
