package eu.herald.notifications.email;

import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.delivery.Notifier;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * Sends a delivery as an email: multipart/alternative with the text, the HTML and the iCalendar entry (the way
 * calendar clients expect an invitation), over a pooled SMTP connection. A reminder is the text and the HTML; a daily
 * digest one mail with every session in it and one calendar part publishing them all.
 */
class EmailNotifier implements Notifier {

    private final SmtpConnections smtp;
    private final EmailComposer composer;
    private final Clock clock;
    private final MimeWriter writer = new MimeWriter();

    EmailNotifier(SmtpConnections smtp, EmailComposer composer, Clock clock) {
        this.smtp = smtp;
        this.composer = composer;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /**
     * Twice the SMTP connections: while one message is on a connection, the next is composed and waits for it, so
     * the connections never wait for a composition.
     */
    @Override
    public OptionalInt concurrency() {
        return OptionalInt.of(2 * smtp.size());
    }

    @Override
    public DeliveryResult send(DeliveryId delivery, NotificationRequest request, Endpoint endpoint) {
        return deliver(() -> composer.compose(delivery, request, endpoint));
    }

    /** A plain reminder mail, without a calendar part: the entry in the recipient's calendar stays as it is. */
    @Override
    public DeliveryResult remind(DeliveryId delivery, NotificationRequest request, Endpoint endpoint, Duration lead) {
        return deliver(() -> composer.remind(delivery, request, endpoint, lead));
    }

    @Override
    public DeliveryResult sendDigest(DeliveryId delivery, Digest digest, Endpoint endpoint) {
        return deliver(() -> composer.digest(delivery, digest, endpoint));
    }

    private DeliveryResult deliver(Supplier<EmailMessage> composition) {
        MimeMessage mime;
        try {
            EmailMessage email = composition.get();
            mime = new WrittenMessage(smtp.session(), email, writer.write(email, clock.instant()));
        } catch (InvalidHeader e) {
            return new Rejected(e.getMessage(), false);
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

    /**
     * A message {@link MimeWriter} has written: the SMTP transport takes the envelope's sender and recipient from it
     * and has it write its bytes.
     */
    private static final class WrittenMessage extends MimeMessage {

        private final Address[] from;
        private final Address[] recipients;
        private final byte[] bytes;

        WrittenMessage(Session session, EmailMessage email, byte[] bytes) {
            super(session);
            this.from = new Address[] {email.from()};
            this.recipients = new Address[] {email.to()};
            this.bytes = bytes;
        }

        @Override
        public Address[] getFrom() {
            return from.clone();
        }

        @Override
        public Address[] getAllRecipients() {
            return recipients.clone();
        }

        @Override
        public int getSize() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
            out.write(bytes);
        }
    }
}
