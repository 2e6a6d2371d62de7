package eu.herald.benchmark.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both sinks, through a real Jakarta Mail client: every Message-ID once, a message without one refused. */
class SmtpSinkIntegrationTests {

    @TempDir
    Path work;

    @Test
    void theJavaSinkRecordsEachMessageIdOnArrival() throws Exception {
        try (SmtpSink sink = SmtpSink.start(work, "java")) {
            sendAndCheck(sink);
        }
    }

    @Test
    void postfixSmtpSinkRecordsEachMessageIdFromItsDump() throws Exception {
        assumeThat(Files.isExecutable(PostfixSmtpSink.executable()))
                .as("Postfix's smtp-sink is installed (Debian package postfix)")
                .isTrue();
        try (SmtpSink sink = SmtpSink.start(work, "postfix")) {
            assertThat(sink.name()).isEqualTo("postfix smtp-sink");
            sendAndCheck(sink);
        }
    }

    private static void sendAndCheck(SmtpSink sink) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(sink.port()));
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < 30; i++) {
                transport.sendMessage(message(session, "<id-" + i + "@herald>"), InternetAddress.parse("a@b.example"));
            }
            transport.sendMessage(message(session, null), InternetAddress.parse("a@b.example"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sink.receipts().count() + sink.receipts().refusedCount() == 31);
        assertThat(sink.receipts().from(0))
                .extracting(Receipts.Receipt::id)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 30)
                        .mapToObj(i -> "id-" + i)
                        .toList());
        assertThat(sink.receipts().refusedCount()).isEqualTo(1);
        assertThat(sink.receipts().averageBytes()).isPositive();
    }

    private static MimeMessage message(Session session, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) {
                    removeHeader("Message-ID");
                } else {
                    setHeader("Message-ID", messageId);
                }
            }
        };
        message.setFrom(new InternetAddress("herald@benchmark.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("a@b.example"));
        message.setSubject("Zmiana terminu");
        message.setText("line one\r\n.\r\nline after a lone dot\r\n");
        message.saveChanges();
        return message;
    }
}
