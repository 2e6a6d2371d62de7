package eu.herald.notifications.email;

import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

/**
 * A rendered email, plain text for now. Every header value is checked here, so that no message with an injected
 * header can be built, whatever rendered it.
 */
record EmailMessage(
        String messageId,
        InternetAddress from,
        InternetAddress to,
        String subject,
        String text,
        @Nullable String unsubscribeUrl) {

    EmailMessage {
        HeaderValues.requireSafe("Message-ID", messageId);
        HeaderValues.requireSafe("From", from.toString());
        HeaderValues.requireSafe("To", to.toString());
        HeaderValues.requireSafe("Subject", subject);
        if (unsubscribeUrl != null) {
            HeaderValues.requireSafe("List-Unsubscribe", unsubscribeUrl);
        }
    }
}
