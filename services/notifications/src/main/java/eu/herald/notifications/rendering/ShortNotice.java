package eu.herald.notifications.rendering;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.SessionChange;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A change told in a title and a few lines, in the reader's language and time zone, with the same texts as the
 * email: for channels with little room, such as a web push notification.
 *
 * @param title what happened to which session ("Zmiana terminu: Sieciowanie miast i gmin…")
 * @param body what happened and when the session is now, in the reader's zone; the reason of a cancellation
 */
public record ShortNotice(String title, String body) {

    public static ShortNotice of(SessionChange change, Locale language, ZoneId zone) {
        Notice notice = new Notice(change, language, zone);
        return new ShortNotice(notice.subject(), body(notice, change.kind()));
    }

    /** A publication or change in two or three lines. */
    private static String body(Notice notice, ChangeKind kind) {
        List<String> lines = new ArrayList<>();
        lines.add(notice.intro());
        lines.add(notice.words().text("label.when") + ": " + notice.when());
        if (kind == ChangeKind.CANCELLED) {
            notice.details().forEach(detail -> lines.add(detail.label() + ": " + detail.value()));
        }
        return String.join("\n", lines).strip();
    }
}
