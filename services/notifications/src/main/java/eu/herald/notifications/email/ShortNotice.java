package eu.herald.notifications.email;

import eu.herald.notifications.delivery.SessionChange;
import java.time.ZoneId;
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
        Rendering rendering = new Rendering(change, language, zone);
        return new ShortNotice(rendering.subject(), rendering.shortText());
    }
}
