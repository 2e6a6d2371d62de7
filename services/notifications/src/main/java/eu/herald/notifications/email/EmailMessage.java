package eu.herald.notifications.email;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rendered email: text and HTML alternatives of the same content and an iCalendar part. Every header value is
 * checked here, so that no message with an injected header can be built, whatever rendered it.
 *
 * @param listUnsubscribe the {@code List-Unsubscribe} header's URLs, the one-click one first when there is one
 * @param calendar the iCalendar part; null for a mail without one (a reminder)
 * @param oneClick whether the first of them takes a one-click POST (RFC 8058)
 */
record EmailMessage(
        String messageId,
        InternetAddress from,
        InternetAddress to,
        String subject,
        String text,
        String html,
        @Nullable CalendarPart calendar,
        List<String> listUnsubscribe,
        boolean oneClick) {

    EmailMessage {
        HeaderValues.requireSafe("Message-ID", messageId);
        HeaderValues.requireSafe("From", from.toString());
        HeaderValues.requireSafe("To", to.toString());
        HeaderValues.requireSafe("Subject", subject);
        listUnsubscribe = List.copyOf(listUnsubscribe);
        listUnsubscribe.forEach(url -> HeaderValues.requireSafe("List-Unsubscribe", url));
    }

    /** The one-click unsubscribe URL, if the endpoint has one. */
    @Nullable
    String unsubscribeUrl() {
        return oneClick ? listUnsubscribe.get(0) : null;
    }

    /** {@code <https://…>, <mailto:…>} */
    String listUnsubscribeHeader() {
        return String.join(
                ", ", listUnsubscribe.stream().map(url -> "<" + url + ">").toList());
    }

    /** The iCalendar object and its iTIP method (REQUEST or CANCEL; PUBLISH for a digest). */
    record CalendarPart(String method, String content) {}
}
