package eu.herald.notifications.webpush;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.notifications.rendering.ShortNotice;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service worker receives: a small JSON notification in the recipient's language and time zone, with the
 * texts of the email channel. It is what the browser shows (title, body), where a click leads (url) and which
 * session version it is about.
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
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("title", shortened(notice.title(), TITLE_LENGTH));
        message.put("body", shortened(notice.body(), BODY_LENGTH));
        message.put(
                "url", sessionUrl.replace("{sessionId}", session.id().value().toString()));
        message.put("sessionId", session.id().value().toString());
        message.put("version", session.version());
        message.put("kind", request.change().kind().name());
        message.put("lang", request.recipient().language().toLanguageTag());
        return json.writeValueAsString(message).getBytes(UTF_8);
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
