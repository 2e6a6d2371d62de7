package eu.herald.notifications.email;

import eu.herald.notifications.delivery.Channel;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.delivery.Endpoint;
import eu.herald.notifications.delivery.NotificationRequest;
import eu.herald.notifications.delivery.Notifier;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a delivery as an email through the configured SMTP server. */
@Component
class EmailNotifier implements Notifier {

    private final JavaMailSender mail;
    private final EmailComposer composer;
    private final Clock clock;

    EmailNotifier(JavaMailSender mail, EmailComposer composer, Clock clock) {
        this.mail = mail;
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
        try {
            email = composer.compose(delivery, request, endpoint);
        } catch (InvalidHeader e) {
            return new Rejected(e.getMessage(), false);
        }
        try {
            mail.send(mime(email));
        } catch (MailException e) {
            return SmtpFailures.classify(e);
        }
        return new Delivered(clock.instant());
    }

    private MimeMessage mime(EmailMessage email) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(email.from());
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text(), false);
            // JavaMailSenderImpl keeps a Message-ID set before sending instead of generating one
            message.setHeader("Message-ID", email.messageId());
            if (email.unsubscribeUrl() != null) {
                // RFC 8058 one-click unsubscribe; the URL is signed by subscriptions
                message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }
}
