package eu.herald.egress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTests {

    private static final List<String> SECRETS = List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final WebhookSender.Settings LOCAL = new WebhookSender.Settings(true, Duration.ofSeconds(15), 2, 10);

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "120");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            received.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Location", url("/hook").toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void postsASignedWebhookToAnAllowedAddress() throws IOException {
        try (WebhookSender sender = new WebhookSender(AddressGuard.allowing(List.of("127.0.0.1/32")), LOCAL)) {
            ReceiverResponse response = sender.post(
                    url("/hook"), "msg-1", Instant.now(), "{}".getBytes(UTF_8), "application/json", SECRETS);

            assertThat(response.status()).isEqualTo(204);
            assertThat(response.successful()).isTrue();
            assertThat(response.retryAfter()).isEqualTo("120");
            assertThat(received).containsExactly("/hook msg-1");
        }
    }

    @Test
    void neverConnectsToARefusedAddress() throws IOException {
        try (WebhookSender sender = new WebhookSender(AddressGuard.strict(), LOCAL)) {
            assertThatThrownBy(() -> sender.post(
                            url("/hook"), "msg-1", Instant.now(), "{}".getBytes(UTF_8), "application/json", SECRETS))
                    .isInstanceOf(DestinationRefused.class)
                    .hasMessageContaining("loopback");
            assertThat(received).isEmpty();
        }
    }

    @Test
    void checksTheAddressOfANameWhenItConnects() throws IOException {
        AddressGuard.Resolver pointsInside = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        try (WebhookSender sender = new WebhookSender(AddressGuard.strict(), LOCAL, pointsInside)) {
            URI byName = URI.create(
                    "http://hooks.example.org:" + receiver.getAddress().getPort() + "/hook");

            assertThatThrownBy(() -> sender.post(
                            byName, "msg-1", Instant.now(), "{}".getBytes(UTF_8), "application/json", SECRETS))
                    .isInstanceOf(DestinationRefused.class)
                    .hasMessageContaining("hooks.example.org resolves to 127.0.0.1");
            assertThatThrownBy(() -> sender.check(byName)).isInstanceOf(DestinationRefused.class);
            assertThat(received).isEmpty();
        }
    }

    @Test
    void doesNotFollowRedirects() throws IOException {
        try (WebhookSender sender = new WebhookSender(AddressGuard.allowing(List.of("127.0.0.1/32")), LOCAL)) {
            ReceiverResponse response = sender.post(
                    url("/moved"), "msg-1", Instant.now(), "{}".getBytes(UTF_8), "application/json", SECRETS);

            assertThat(response.status()).isEqualTo(302);
            assertThat(received).containsExactly("/moved");
        }
    }

    @Test
    void refusesPlainHttpUnlessAllowed() throws IOException {
        WebhookSender.Settings httpsOnly = new WebhookSender.Settings(false, Duration.ofSeconds(15), 2, 10);
        try (WebhookSender sender = new WebhookSender(AddressGuard.allowing(List.of("127.0.0.1/32")), httpsOnly)) {
            assertThatThrownBy(() -> sender.check(url("/hook")))
                    .isInstanceOf(DestinationRefused.class)
                    .hasMessageContaining("https");
            assertThat(received).isEmpty();
        }
    }

    @Test
    void readsRetryAfterInSecondsAndAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");

        assertThat(new ReceiverResponse(429, "30", Duration.ZERO).retryAfter(now))
                .contains(Instant.parse("2026-11-29T12:00:30Z"));
        assertThat(new ReceiverResponse(503, "Sun, 29 Nov 2026 12:05:00 GMT", Duration.ZERO).retryAfter(now))
                .contains(Instant.parse("2026-11-29T12:05:00Z"));
        assertThat(new ReceiverResponse(503, "soon", Duration.ZERO).retryAfter(now))
                .isEmpty();
        assertThat(new ReceiverResponse(503, null, Duration.ZERO).retryAfter(now))
                .isEmpty();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }
}
