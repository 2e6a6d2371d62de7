package eu.herald.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

class SmtpFailuresTests {

    private static final InternetAddress TO = address("powiadomienia@plock.example");

    @Test
    void rejectsForGoodWhenTheServerSaysTheMailboxDoesNotExist() {
        SendFailedException failed = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(TO, "RCPT TO:<powiadomienia@plock.example>", 550, "5.1.1 no such user"),
                new Address[0],
                new Address[0],
                new Address[] {TO});

        assertThat(SmtpFailures.classify(failedSend(failed))).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.reason()).contains("SMTP 550").contains("no such user");
            assertThat(rejected.endpointGone()).isTrue();
        });
    }

    @Test
    void defersWhenTheServerSaysTryAgainLater() {
        SendFailedException failed = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(TO, "RCPT TO", 451, "4.3.0 mailbox temporarily unavailable"),
                new Address[0],
                new Address[0],
                new Address[] {TO});

        assertThat(SmtpFailures.classify(failedSend(failed)))
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.reason()).contains("SMTP 451"));
    }

    @Test
    void rejectsAMessageTheServerRefusesPermanently() {
        SMTPSendFailedException refused =
                new SMTPSendFailedException("DATA", 554, "5.7.1 message refused", null, null, null, null);

        assertThat(SmtpFailures.classify(failedSend(refused)))
                .isInstanceOfSatisfying(
                        Rejected.class,
                        rejected -> assertThat(rejected.endpointGone()).isFalse());
    }

    @Test
    void defersWhenTheServerCannotBeReached() {
        MailSendException unreachable = new MailSendException(
                "Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));

        assertThat(SmtpFailures.classify(unreachable))
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.reason()).contains("Connection refused"));
    }

    @Test
    void rejectsAMessageThatCannotBeBuilt() {
        assertThat(SmtpFailures.classify(new MailPreparationException("bad charset")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void keepsTheReasonOnOneLine() {
        MailSendException unreachable =
                new MailSendException("first line\r\nsecond line", new ConnectException("refused"));

        assertThat(SmtpFailures.classify(unreachable))
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.reason())
                                .doesNotContain("\n")
                                .contains("first line second line"));
    }

    private static MailSendException failedSend(Exception failure) {
        return new MailSendException(Map.of(new Object(), failure));
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
