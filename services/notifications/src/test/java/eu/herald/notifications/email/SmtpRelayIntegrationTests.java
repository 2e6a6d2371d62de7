package eu.herald.notifications.email;

import static eu.herald.notifications.SeedRequests.email;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The email channel against relays that want credentials, configured only through {@code spring.mail.*} as a
 * deployment configures it (Spring Boot's mail auto-configuration builds the sender, as in the service).
 *
 * <p>GreenMail 2.1.8 does not offer STARTTLS on SMTP (its SMTP commands are HELO, EHLO, AUTH, MAIL, RCPT, DATA,
 * RSET, NOOP, VRFY, QUIT): the encrypted relay is exercised as SMTPS (TLS from the first byte, GreenMail's dummy
 * certificate), and with {@code starttls.required=true} the service is shown to refuse a relay without STARTTLS
 * rather than send in clear text.
 */
class SmtpRelayIntegrationTests {

    private static final String HOST = "127.0.0.1";
    private static final String USER = "herald";
    private static final String PASSWORD = "s3cret";
    private static final Instant NOW = Instant.parse("2022-10-05T09:12:45Z");

    @RegisterExtension
    static final GreenMailExtension plain = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    @RegisterExtension
    static final GreenMailExtension tls = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    @Test
    void sendsThroughAnAuthenticatedRelay() {
        DeliveryResult result = RelaySending.sendThrough(
                NOW,
                plain.getSmtp().getPort(),
                email("powiadomienia@plock.example"),
                "spring.mail.username=" + USER,
                "spring.mail.password=" + PASSWORD,
                "spring.mail.properties.mail.smtp.auth=true");

        assertThat(result).isEqualTo(new Delivered(NOW));
        assertThat(plain.getReceivedMessages()).hasSize(1);
    }

    @Test
    void defersTheDeliveryWhenTheRelayRefusesTheCredentials() {
        DeliveryResult result = RelaySending.sendThrough(
                NOW,
                plain.getSmtp().getPort(),
                email("powiadomienia@plock.example"),
                "spring.mail.username=" + USER,
                "spring.mail.password=wrong",
                "spring.mail.properties.mail.smtp.auth=true");

        assertThat(result)
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.reason()).contains("SMTP authentication failed"));
        assertThat(plain.getReceivedMessages()).isEmpty();
    }

    @Test
    void sendsThroughAnAuthenticatedTlsRelay() {
        DeliveryResult result = RelaySending.sendThrough(
                NOW,
                tls.getSmtps().getPort(),
                email("powiadomienia@plock.example"),
                "spring.mail.protocol=smtps",
                "spring.mail.username=" + USER,
                "spring.mail.password=" + PASSWORD,
                "spring.mail.properties.mail.smtps.auth=true",
                // GreenMail's self-signed test certificate (without a subject alternative name): trusted for
                // this host only, its name not checked; a real relay has a certificate the JVM trusts for its name
                "spring.mail.properties.mail.smtps.ssl.trust=" + HOST,
                "spring.mail.properties.mail.smtps.ssl.checkserveridentity=false");

        assertThat(result).isEqualTo(new Delivered(NOW));
        assertThat(tls.getReceivedMessages()).hasSize(1);
    }

    @Test
    void refusesToSendInClearTextWhenStartTlsIsRequiredAndTheRelayDoesNotOfferIt() {
        DeliveryResult result = RelaySending.sendThrough(
                NOW,
                plain.getSmtp().getPort(),
                email("powiadomienia@plock.example"),
                "spring.mail.username=" + USER,
                "spring.mail.password=" + PASSWORD,
                "spring.mail.properties.mail.smtp.auth=true",
                "spring.mail.properties.mail.smtp.starttls.enable=true",
                "spring.mail.properties.mail.smtp.starttls.required=true");

        assertThat(result).isInstanceOf(Deferred.class);
        assertThat(plain.getReceivedMessages()).isEmpty();
    }
}
