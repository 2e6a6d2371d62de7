package eu.herald.egress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTests {

    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        // the test vector of the Standard Webhooks reference libraries
        String header = WebhookSignatures.header(
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}".getBytes(UTF_8));

        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretDuringARotation() {
        byte[] body = "{}".getBytes(UTF_8);
        String header = WebhookSignatures.header(
                List.of(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "whsec_" + Base64.getEncoder().encodeToString(new byte[32])),
                "id",
                1,
                body);

        assertThat(header.split(" "))
                .hasSize(2)
                .allSatisfy(signature -> assertThat(signature).startsWith("v1,"))
                .doesNotHaveDuplicates();
    }

    @Test
    void neverSignsWithoutASecret() {
        assertThatThrownBy(() -> WebhookSignatures.header(List.of(), "id", 1, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesOneSecretPerEndpointAndRotation() {
        WebhookSecrets secrets = new WebhookSecrets("a master key of the tests");
        UUID endpoint = UUID.fromString("9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a");

        String first = secrets.secret(endpoint, 1);

        assertThat(first).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(first.substring("whsec_".length())))
                .hasSize(32);
        assertThat(new WebhookSecrets("a master key of the tests").secret(endpoint, 1))
                .isEqualTo(first);
        assertThat(secrets.secret(endpoint, 2)).isNotEqualTo(first);
        assertThat(secrets.secret(UUID.randomUUID(), 1)).isNotEqualTo(first);
        assertThat(new WebhookSecrets("another master key").secret(endpoint, 1)).isNotEqualTo(first);
    }

    @Test
    void signsWithThePreviousRotationOnlyWhileTheGracePeriodLasts() {
        WebhookSecrets secrets = new WebhookSecrets("a master key of the tests");
        UUID endpoint = UUID.randomUUID();
        java.time.Instant now = java.time.Instant.parse("2026-11-29T12:00:00Z");

        assertThat(secrets.signing(endpoint, 3, now.plusSeconds(1), now))
                .containsExactly(secrets.secret(endpoint, 3), secrets.secret(endpoint, 2));
        assertThat(secrets.signing(endpoint, 3, now, now)).containsExactly(secrets.secret(endpoint, 3));
        assertThat(secrets.signing(endpoint, 3, null, now)).containsExactly(secrets.secret(endpoint, 3));
        assertThat(secrets.signing(endpoint, 1, now.plusSeconds(60), now)).containsExactly(secrets.secret(endpoint, 1));
    }
}
