package eu.herald.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import eu.herald.egress.ReceiverResponse;
import eu.herald.egress.WebhookSecrets;
import eu.herald.egress.WebhookSender;
import eu.herald.testsupport.TestTls;
import eu.herald.testsupport.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks to a receiver over real HTTPS whose certificate no public authority signed, as a receiver inside an
 * operator's network has: the sender Spring builds from {@code herald.notifications.webhooks.*} trusts it through
 * the SSL bundle named by {@code ssl-bundle}, and only then.
 */
class WebhookTlsIntegrationTests {

    private static final String MASTER_KEY = "the webhook master key of the TLS tests";
    private static final byte[] BODY = "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);

    private static final TestTls TLS = tls();
    private static final WebhookReceiver RECEIVER = WebhookReceiver.startHttps(TLS);

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
            .withUserConfiguration(WebhookConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withPropertyValues(
                    "herald.notifications.webhooks.master-key=" + MASTER_KEY,
                    "herald.notifications.webhooks.ssl-bundle=webhook-receivers",
                    "spring.ssl.bundle.pem.webhook-receivers.truststore.certificate=file:" + TLS.certificate(),
                    // the receiver is on loopback, which the address guard refuses unless allowed
                    "herald.notifications.webhooks.allowed-addresses=" + TestTls.HOST + "/32");

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void postsASignedWebhookToAnHttpsReceiverThatTheSslBundleTrusts() {
        UUID endpoint = UUID.randomUUID();
        String secret = new WebhookSecrets(MASTER_KEY).secret(endpoint, 1);

        service.run(context -> {
            ReceiverResponse response = post(context.getBean(WebhookSender.class), "/trusted", secret);
            assertThat(response.status()).isEqualTo(204);
        });

        assertThat(RECEIVER.url("/trusted").getScheme()).isEqualTo("https");
        assertThat(RECEIVER.received("/trusted"))
                .singleElement()
                .satisfies(received -> assertThat(WebhookReceiver.verify(received, secret, received.at()))
                        .isNull());
    }

    @Test
    void sendsNothingToAnHttpsReceiverWhoseCertificateNoBundleTrusts() {
        String secret = new WebhookSecrets(MASTER_KEY).secret(UUID.randomUUID(), 1);

        service.withPropertyValues("herald.notifications.webhooks.ssl-bundle=")
                .run(context -> assertThatExceptionOfType(SSLException.class)
                        .isThrownBy(() -> post(context.getBean(WebhookSender.class), "/untrusted", secret)));

        assertThat(RECEIVER.received("/untrusted")).isEmpty();
    }

    private static ReceiverResponse post(WebhookSender sender, String path, String secret) throws Exception {
        return sender.post(
                RECEIVER.url(path),
                UUID.randomUUID().toString(),
                Instant.now(),
                BODY,
                "application/json",
                List.of(secret));
    }

    private static TestTls tls() {
        try {
            return TestTls.for127001(Files.createTempDirectory("webhook-receiver"));
        } catch (Exception e) {
            throw new IllegalStateException("no certificate for the receiver", e);
        }
    }
}
