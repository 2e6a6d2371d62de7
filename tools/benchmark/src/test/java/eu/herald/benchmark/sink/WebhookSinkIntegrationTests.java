package eu.herald.benchmark.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSinkIntegrationTests {

    private static final String MASTER_KEY = "benchmark-master-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookSink sink;

    @BeforeEach
    void start() {
        sink = WebhookSink.start(MASTER_KEY, 2);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void signsAsTheStandardWebhooksSpecificationShows() {
        byte[] key = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String signature = WebhookSignatures.sign(
                key, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "{\"test\": 2432232314}".getBytes(UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void recordsADeliverySignedWithTheEndpointsDerivedSecret() throws Exception {
        String endpoint = UUID.randomUUID().toString();
        byte[] key = new WebhookSignatures(MASTER_KEY).endpointKey(endpoint);

        HttpResponse<Void> response = post(
                endpoint, "delivery-1", "{}", WebhookSignatures.sign(key, "delivery-1", "1", "{}".getBytes(UTF_8)));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(sink.receipts().from(0)).extracting(Receipts.Receipt::id).containsExactly("delivery-1");
        assertThat(sink.receipts().refusedCount()).isZero();
        assertThat(sink.lastBody()).asString(UTF_8).isEqualTo("{}");
    }

    @Test
    void refusesASignatureMadeWithAnotherEndpointsSecret() throws Exception {
        byte[] otherKey =
                new WebhookSignatures(MASTER_KEY).endpointKey(UUID.randomUUID().toString());

        HttpResponse<Void> response = post(
                UUID.randomUUID().toString(),
                "delivery-2",
                "{}",
                WebhookSignatures.sign(otherKey, "delivery-2", "1", "{}".getBytes(UTF_8)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(sink.receipts().count()).isZero();
        assertThat(sink.receipts().refusedCount()).isEqualTo(1);
        assertThat(sink.lastBody()).isNull();
    }

    @Test
    void servesHttpsOnManyLoopbackHostsWithACertificateThatItsClientContextTrusts(@TempDir Path folder)
            throws Exception {
        try (WebhookSink https = WebhookSink.startHttps(MASTER_KEY, 2, 8, folder)) {
            HttpClient trusting =
                    HttpClient.newBuilder().sslContext(https.clientTls()).build();
            List<URI> urls = IntStream.range(0, 40)
                    .mapToObj(i -> https.urlOf(UUID.randomUUID().toString()))
                    .toList();
            for (URI url : urls.subList(0, 10)) {
                trusting.send(
                        HttpRequest.newBuilder(url)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }

            assertThat(urls).extracting(URI::getScheme).containsOnly("https");
            assertThat(urls.stream().map(URI::getHost).distinct().count()).isGreaterThan(1);
            assertThat(urls).extracting(URI::getHost).allMatch(host -> host.matches("127\\.0\\.0\\.([2-9])"));
            assertThat(https.arrivalsOverTls()).isEqualTo(10);
            assertThat(https.hostsReached()).isGreaterThan(1);
            assertThat(https.tlsProtocol()).startsWith("TLSv1.");
            assertThat(https.describe())
                    .isEqualTo("https (" + https.tlsProtocol() + ") to 8 hosts 127.0.0.2–127.0.0.9");
            // unsigned: refused, but over TLS all the same
            assertThat(https.receipts().refusedCount()).isEqualTo(10);
        }
    }

    @Test
    void refusesAClientThatDoesNotTrustItsCertificate(@TempDir Path folder) {
        try (WebhookSink https = WebhookSink.startHttps(MASTER_KEY, 2, 2, folder)) {
            assertThatExceptionOfType(SSLException.class)
                    .isThrownBy(() -> http.send(
                            HttpRequest.newBuilder(https.urlOf("endpoint"))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()));
            assertThat(https.receipts().refusedCount()).isZero();
        }
    }

    private HttpResponse<Void> post(String endpoint, String id, String body, String signature) throws Exception {
        return http.send(
                HttpRequest.newBuilder(sink.urlOf(endpoint))
                        .header("webhook-id", id)
                        .header("webhook-timestamp", "1")
                        .header("webhook-signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
