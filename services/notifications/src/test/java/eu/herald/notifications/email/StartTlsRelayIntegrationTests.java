package eu.herald.notifications.email;

import static eu.herald.notifications.SeedRequests.email;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.request.Endpoint;
import eu.herald.testsupport.TestTls;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The email channel through a relay as production ones are set up: it offers STARTTLS, refuses
 * every command but STARTTLS on a clear connection, and wants credentials. The relay is a real SMTP
 * server (SubEthaSMTP) with a certificate made for this run (issued to 127.0.0.1, trusted for that
 * host only), and the sender is built from {@code spring.mail.*} by Spring Boot, as in the service.
 */
class StartTlsRelayIntegrationTests {

    private static final String HOST = TestTls.HOST;
    private static final String USER = "herald";
    private static final String PASSWORD = "s3cret";
    private static final Instant NOW = Instant.parse("2022-10-05T09:12:45Z");

    @TempDir
    static Path directory;

    private static final List<MimeMessage> received = new CopyOnWriteArrayList<>();
    private static SMTPServer relay;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = new SMTPServer.Builder()
                .bindAddress(InetAddress.getByName(HOST))
                .port(0)
                .enableTLS()
                .requireTLS()
                .startTlsSocketFactory(TestTls.for127001(directory).server())
                .requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .messageHandler((context, from, to, data) -> received.add(parse(data)))
                .build();
        relay.start();
    }

    @AfterAll
    static void stopRelay() {
        relay.stop();
    }

    @Test
    void sendsThroughAnAuthenticatedStartTlsRelay() throws Exception {
        received.clear();
        Endpoint endpoint = email("powiadomienia@plock.example");

        DeliveryResult result = RelaySending.sendThrough(
                NOW,
                relay.getPortAllocated(),
                endpoint,
                "spring.mail.username=" + USER,
                "spring.mail.password=" + PASSWORD,
                "spring.mail.properties.mail.smtp.auth=true",
                "spring.mail.properties.mail.smtp.starttls.enable=true",
                "spring.mail.properties.mail.smtp.starttls.required=true",
                // the certificate made for this run; a real relay's is trusted through the JVM's trust store
                "spring.mail.properties.mail.smtp.ssl.trust=" + HOST,
                "spring.mail.properties.mail.smtp.ssl.checkserveridentity=true");

        assertThat(result).isEqualTo(new Delivered(NOW));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getAllRecipients()[0].toString()).isEqualTo("powiadomienia@plock.example");
        assertThat(received.get(0).getMessageID()).endsWith("@herald>");
    }

    @Test
    void sendsNothingInClearTextToARelayThatRequiresStartTls() {
        received.clear();

        DeliveryResult result = RelaySending.sendThrough(
                NOW,
                relay.getPortAllocated(),
                email("powiadomienia@plock.example"),
                "spring.mail.username=" + USER,
                "spring.mail.password=" + PASSWORD,
                "spring.mail.properties.mail.smtp.auth=true");

        assertThat(result).isNotInstanceOf(Delivered.class);
        assertThat(received).isEmpty();
    }

    @Test
    void sendsNothingWithWrongCredentialsEvenOverTls() {
        received.clear();

        DeliveryResult result = RelaySending.sendThrough(
                NOW,
                relay.getPortAllocated(),
                email("powiadomienia@plock.example"),
                "spring.mail.username=" + USER,
                "spring.mail.password=wrong",
                "spring.mail.properties.mail.smtp.auth=true",
                "spring.mail.properties.mail.smtp.starttls.enable=true",
                "spring.mail.properties.mail.smtp.starttls.required=true",
                "spring.mail.properties.mail.smtp.ssl.trust=" + HOST);

        assertThat(result).isNotInstanceOf(Delivered.class);
        assertThat(received).isEmpty();
    }

    private static MimeMessage parse(byte[] data) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
        } catch (Exception e) {
            throw new IllegalStateException("the relay received something that is not a message", e);
        }
    }
}
