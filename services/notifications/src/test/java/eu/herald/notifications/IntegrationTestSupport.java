package eu.herald.notifications;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.webpush.PushServiceDouble;
import eu.herald.notifications.webpush.PushSubscriber;
import eu.herald.notifications.webpush.TestVapidKeys;
import eu.herald.testsupport.TestIssuer;
import eu.herald.testsupport.TestPostgres;
import eu.herald.testsupport.TestSmtp;
import eu.herald.testsupport.TestTls;
import eu.herald.testsupport.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The one Spring context of the integration tests (so it is cached across classes): the whole service against a
 * real PostgreSQL, an embedded Kafka broker and a real SMTP server.
 */
@SpringBootTest(
        properties = {
            // the operator of most tests replays without limit; the default is small to test it quickly
            "herald.security.write-limits.per-client.requests=5",
            "herald.security.write-limits.per-client.per=1h",
            "herald.security.write-limits.clients.test-operator.requests=1000000",
            "herald.security.write-limits.clients.test-operator.per=1s"
        })
@AutoConfigureMockMvc
@EmbeddedKafka(
        topics = {"subscriptions.notification-requests.v1", "subscriptions.erasures.v1"},
        partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(TestClock.Registration.class)
public abstract class IntegrationTestSupport {

    protected static final String REQUESTS = "subscriptions.notification-requests.v1";
    protected static final String REQUESTS_DLT = "subscriptions.notification-requests.v1-dlt";
    protected static final String OUTCOMES = "notifications.delivery-outcomes.v1";
    protected static final String ERASURES = "subscriptions.erasures.v1";
    protected static final String ERASURES_DLT = "subscriptions.erasures.v1-dlt";
    protected static final String WEBHOOK_MASTER_KEY = "the webhook master key of the notifications tests";
    protected static final TestIssuer ISSUER = TestIssuer.shared();
    /** The client of the operators' tests. */
    protected static final String OPERATOR_CLIENT = "test-operator";
    /** A real RS256 token with {@code notifications:operate}, as the operators' tools present it. */
    protected static final String OPERATOR_TOKEN = ISSUER.token(OPERATOR_CLIENT, "notifications:operate");

    @Autowired
    protected EmbeddedKafkaBroker kafka;

    /** A local webhook receiver of the test's own (the tests allow plain http to 127.0.0.1), stopped after it. */
    protected final WebhookReceiver webhooks = WebhookReceiver.start();

    /**
     * A municipality's endpoints on every channel: an email address of its own, a browser's push subscription and a
     * webhook posting to {@code path} of this test's receiver.
     */
    protected EveryChannel everyChannel(String path) {
        PushSubscriber browser =
                PushServiceDouble.shared().subscribe(TestVapidKeys.shared().publicKey());
        return new EveryChannel(
                browser,
                SeedRequests.email("every-channel-" + UUID.randomUUID() + "@herald-tests.example"),
                SeedRequests.webPush(browser),
                SeedRequests.webhook(webhooks.url(path)));
    }

    protected record EveryChannel(PushSubscriber browser, Endpoint email, Endpoint push, Endpoint hook) {

        public Endpoint[] all() {
            return new Endpoint[] {email, push, hook};
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("notifications"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.datasource.password", TestPostgres::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("spring.mail.host", () -> TestSmtp.HOST);
        registry.add("spring.mail.port", TestSmtp::port);
        registry.add("herald.notifications.messaging.relay-interval", () -> "500ms");
        // the schedule in miniature: a test sees retries, exhaustion and replays within seconds
        registry.add("herald.notifications.delivery.retry-schedule", () -> "200ms,500ms,1s,2s,3s");
        registry.add("herald.notifications.delivery.retry-poll-interval", () -> "100ms");
        // liveness in miniature: a test sees an instance lapse, and renewals keep one alive, within seconds
        registry.add("herald.notifications.delivery.heartbeat", () -> "250ms");
        registry.add("herald.notifications.delivery.alive-for", () -> "3s");
        // the tests' sessions change within seconds of each other: coalescing is off unless a test sets an event's
        // window
        registry.add("herald.notifications.coalescing.window", () -> "0s");
        // web push: a push service over HTTPS whose certificate is trusted through an SSL bundle, and VAPID keys
        registry.add(
                "herald.notifications.web-push.vapid-public-key",
                () -> TestVapidKeys.shared().publicKey());
        registry.add(
                "herald.notifications.web-push.vapid-private-key",
                () -> TestVapidKeys.shared().privateKey());
        registry.add("herald.notifications.web-push.ssl-bundle", () -> "push-services");
        registry.add("herald.notifications.web-push.allowed-addresses", () -> TestTls.HOST + "/32");
        registry.add(
                "spring.ssl.bundle.pem.push-services.truststore.certificate",
                () -> "file:" + PushServiceDouble.shared().certificate());
        // webhooks go to local receivers over plain http; the guard still refuses every other local address
        registry.add("herald.notifications.webhooks.master-key", () -> WEBHOOK_MASTER_KEY);
        registry.add("herald.notifications.webhooks.allow-http", () -> "true");
        registry.add("herald.notifications.webhooks.allowed-addresses", () -> "127.0.0.1/32");
        registry.add("herald.notifications.webhooks.retry-schedule", () -> "200ms,500ms,1s,2s,3s");
    }

    @AfterEach
    void stopWebhookReceiver() {
        webhooks.close();
    }

    @BeforeAll
    static void generousTimeouts() {
        // two cores shared with other builds
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(200));
    }

    /** Produces a record to the request topic as subscriptions does: keyed by municipality, CloudEvents headers. */
    protected void produceRequest(String municipalityId, String value) throws Exception {
        produceRequest(municipalityId, value.getBytes(UTF_8));
    }

    protected void produceRequest(String municipalityId, byte[] value) throws Exception {
        produce(REQUESTS, municipalityId, "eu.herald.notification.requested.v1", value);
    }

    private void produce(String topic, String municipalityId, String type, byte[] value) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(UTF_8));
        headers.add("ce_type", type.getBytes(UTF_8));
        headers.add("ce_source", "/herald/subscriptions".getBytes(UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, municipalityId, value, headers))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Makes a MockMvc request as the operator: {@code mvc.perform(get("/api/…").with(operator()))}. */
    protected static RequestPostProcessor operator() {
        return bearer(OPERATOR_TOKEN);
    }

    protected static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** Produces an erasure as subscriptions does: keyed by municipality, CloudEvents headers with its type. */
    protected void produceErasure(String municipalityId, String type, String value) throws Exception {
        produce(ERASURES, municipalityId, type, value.getBytes(UTF_8));
    }

    /**
     * Another instance of the service, as a deployment would start it (its own system clock, no web server), on the
     * same database, broker and SMTP host; {@code properties} add to or override the common ones.
     */
    protected ConfigurableApplicationContext anotherInstance(int smtpPort, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("spring.datasource.url", TestPostgres.jdbcUrl("notifications"));
        all.put("spring.datasource.username", TestPostgres.username());
        all.put("spring.datasource.password", TestPostgres.password());
        all.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
        all.put("spring.mail.host", TestSmtp.HOST);
        all.put("spring.mail.port", smtpPort);
        all.put("spring.jmx.enabled", "false");
        all.put("herald.notifications.messaging.relay-interval", "500ms");
        all.put("herald.notifications.delivery.retry-poll-interval", "100ms");
        all.put("herald.notifications.coalescing.window", "0s");
        all.putAll(properties);
        // as command-line arguments: they win over application.yml, as a deployment's environment does
        return new SpringApplicationBuilder(NotificationsApplication.class)
                .web(WebApplicationType.NONE)
                .run(all.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    protected TopicReader read(String topic) {
        return new TopicReader(kafka.getBrokersAsString(), topic);
    }
}
