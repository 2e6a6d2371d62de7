package eu.herald.notifications.email;

import eu.herald.notifications.delivery.Channel;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.delivery.Endpoint;
import eu.herald.notifications.delivery.NotificationRequest;
import eu.herald.notifications.delivery.Notifier;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Sends a delivery as an email: multipart/alternative with the text, the HTML and the iCalendar entry (the way
 * calendar clients expect an invitation), over a pooled SMTP connection.
 */
class EmailNotifier implements Notifier {

    private final SmtpConnections smtp;
    private final EmailComposer composer;
    private final Clock clock;

    EmailNotifier(SmtpConnections smtp, EmailComposer composer, Clock clock) {
        this.smtp = smtp;
        this.composer = composer;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryResult send(DeliveryId delivery, NotificationRequest request, Endpoint endpoint) {
        EmailMessage email;
        MimeMessage mime;
        try {
            email = composer.compose(delivery, request, endpoint);
            mime = mime(smtp.session(), email);
        } catch (InvalidHeader e) {
            return new Rejected(e.getMessage(), false);
        } catch (MessagingException e) {
            return SmtpFailures.classify(new MailPreparationException(e));
        }
        try {
            smtp.send(mime);
        } catch (AuthenticationFailedException e) {
            return SmtpFailures.classify(new MailAuthenticationException(e));
        } catch (MessagingException e) {
            return SmtpFailures.classify(new MailSendException("sending failed", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Deferred("interrupted before sending");
        }
        return new Delivered(clock.instant());
    }

    static MimeMessage mime(Session session, EmailMessage email) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, email.messageId());
        message.setFrom(email.from());
        message.setRecipient(MimeMessage.RecipientType.TO, email.to());
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        alternatives.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        alternatives.addBodyPart(html);
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent(
                email.calendar().content(),
                "text/calendar; charset=UTF-8; method=" + email.calendar().method());
        alternatives.addBodyPart(calendar);
        // said up front, so that saving the message does not scan every part for the encoding it needs: the
        // texts are UTF-8 and their lines may be long, which quoted-printable carries through any relay
        for (MimeBodyPart part : List.of(text, html, calendar)) {
            part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        }
        message.setContent(alternatives);
        // RFC 8058 one-click unsubscribe (the URL is signed by subscriptions), and a mailto for other clients
        message.setHeader("List-Unsubscribe", email.listUnsubscribeHeader());
        if (email.oneClick()) {
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.saveChanges();
        return message;
    }

    /** Keeps the Message-ID derived from the delivery: Jakarta Mail would make up a new one on every save. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
