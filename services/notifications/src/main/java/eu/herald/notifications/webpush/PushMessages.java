package eu.herald.notifications.webpush;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.notifications.rendering.Detail;
import eu.herald.notifications.rendering.DigestNotice;
import eu.herald.notifications.rendering.ReminderNotice;
import eu.herald.notifications.rendering.ShortNotice;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Session;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service worker receives: a small JSON notification in the recipient's language and time zone, with the
 * texts of the email channel. It is what the browser shows (title, body), where a click leads (url) and what it is
 * about: a change of a session version, a reminder ({@code "kind": "REMINDER"}) or a daily digest ({@code "kind":
 * "DIGEST"}).
 */
final class PushMessages {

    private static final int TITLE_LENGTH = 120;
    private static final int BODY_LENGTH = 600;

    private final JsonMapper json;
    private final String sessionUrl;

    /** @param sessionUrl where a click leads, {@code {sessionId}} replaced by the session's id */
    PushMessages(JsonMapper json, String sessionUrl) {
        this.json = json;
        this.sessionUrl = sessionUrl;
    }

    byte[] of(NotificationRequest request) {
        Session session = request.change().session();
        ShortNotice notice = ShortNotice.of(
                request.change(),
                request.recipient().language(),
                request.recipient().timeZone());
        Map<String, Object> message = message(notice.title(), notice.body(), sessionUrl(session));
        message.put("sessionId", session.id().value().toString());
        message.put("version", session.version());
        message.put("kind", request.change().kind().name());
        return json(message, request.recipient());
    }

    /** A reminder: a click joins the session, or opens its page when it has no join link (a venue's session). */
    byte[] reminder(NotificationRequest request, Duration lead) {
        Session session = request.change().session();
        Recipient recipient = request.recipient();
        ReminderNotice reminder =
                new ReminderNotice(request.change(), lead, recipient.language(), recipient.timeZone());
        Detail join = reminder.join();
        String body = reminder.intro() + "\n" + reminder.words().text("label.when") + ": " + reminder.when();
        Map<String, Object> message =
                message(reminder.subject(), body, join != null && join.link() ? join.value() : sessionUrl(session));
        message.put("sessionId", session.id().value().toString());
        message.put("version", session.version());
        message.put("kind", "REMINDER");
        message.put("lead", lead.toString());
        return json(message, recipient);
    }

    /** A digest in one notification; a click opens the first session's page. */
    byte[] digest(Digest digest) {
        DigestNotice notice = new DigestNotice(digest);
        Map<String, Object> message = message(
                notice.subject(),
                notice.summary(),
                sessionUrl(digest.changes().get(0).session()));
        message.put("kind", "DIGEST");
        message.put("changes", digest.changes().size());
        return json(message, digest.recipient());
    }

    private static Map<String, Object> message(String title, String body, String url) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("title", shortened(title, TITLE_LENGTH));
        message.put("body", shortened(body, BODY_LENGTH));
        message.put("url", url);
        return message;
    }

    private byte[] json(Map<String, Object> message, Recipient recipient) {
        message.put("lang", recipient.language().toLanguageTag());
        return json.writeValueAsString(message).getBytes(UTF_8);
    }

    private String sessionUrl(Session session) {
        return sessionUrl.replace("{sessionId}", session.id().value().toString());
    }

    /** Browsers cut long notifications anyway; keeping them short keeps the message within one record. */
    private static String shortened(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length - 1;
        // never half a character
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
