package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.local.Mailbox.ReceivedMail;
import eu.herald.local.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One change followed through the real pipeline (the packaged services as separate processes, a real broker,
 * PostgreSQL and SMTP mailbox) by its trace: the services export their spans over OTLP to a receiver in the test,
 * and the operator's request, the outbox relay, the matcher, the dispatcher and each sent email must be one trace.
 * Its data stays in {@code target/tracing/} after the run, the services' logs with it.
 */
class TracingIntegrationTests {

    private static final Path REPOSITORY = Path.of(System.getProperty("herald.repository", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final Path HOME = Path.of("target", "tracing").toAbsolutePath();
    /** The seeded municipalities that follow the seeded session's theme, each mailed once about its change. */
    private static final List<String> FOLLOWERS =
            List.of("powiadomienia@plock.example", "powiadomienia@lublin.example", "notificacoes@fundao.example");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static OtlpReceiver receiver;
    private static LocalStack herald;

    @BeforeAll
    static void startHeraldExportingSpans() throws IOException {
        TestFolders.deleteRecursively(HOME);
        receiver = OtlpReceiver.start();
        LocalStackSettings settings =
                LocalStackSettings.onFreePorts(HOME, REPOSITORY).withoutWeb();
        List<HeraldService> services = new ArrayList<>();
        for (HeraldService service : settings.services()) {
            services.add(LocalStackSettings.SERVICE_NAMES.contains(service.name()) ? exportingSpans(service) : service);
        }
        herald = new LocalStack(settings.withServices(services));
        herald.start();
        SeededEventCoalescing.turnOff(herald);
    }

    private static HeraldService exportingSpans(HeraldService service) {
        Map<String, String> environment = new HashMap<>(service.environment());
        environment.put(
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                receiver.endpoint().toString());
        // export within a moment rather than every five seconds: the test waits for the spans
        environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");
        return service.withEnvironment(environment);
    }

    @AfterAll
    static void stopHerald() {
        if (herald != null) {
            herald.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void theOperatorsChangeAndEachEmailItSendsAreOneTraceAcrossTheThreeServices() throws Exception {
        reschedule(SeededSession.ID);

        Mailbox mailbox = herald.mailbox();
        List<String> deliveries = new ArrayList<>();
        for (String address : FOLLOWERS) {
            List<ReceivedMail> mailed = await().atMost(Duration.ofMinutes(2))
                    .until(() -> mailbox.messagesTo(address), mails -> !mails.isEmpty());
            deliveries.add(deliveryId(mailed.get(0)));
        }
        ReceivedSpan request = await().atMost(Duration.ofSeconds(30))
                .until(TracingIntegrationTests::operatorsRequest, Optional::isPresent)
                .orElseThrow();
        String trace = request.traceId();
        assertThat(request.parentSpanId())
                .as("the trace starts at the operator's request")
                .isEmpty();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedSpan> spans = receiver.spans();
            for (String delivery : deliveries) {
                assertThat(spans)
                        .as("the send of delivery %s", delivery)
                        .filteredOn(span -> span.service().equals("notifications")
                                && span.name().equals("delivery send")
                                && delivery.equals(span.attributes().get("herald.delivery_id")))
                        .isNotEmpty()
                        .extracting(ReceivedSpan::traceId)
                        .containsOnly(trace);
            }
            assertThat(spans)
                    .filteredOn(span -> span.traceId().equals(trace))
                    .extracting(ReceivedSpan::service)
                    .contains("catalogue", "subscriptions", "notifications");
        });

        // the lines of work on the change name it and its trace, in the JSON logs the local stack keeps
        String change = receiver.spans().stream()
                .filter(span -> span.traceId().equals(trace) && span.name().equals("delivery send"))
                .map(span -> span.attributes().get("herald.change_id"))
                .findFirst()
                .orElseThrow();
        for (String service : List.of("catalogue", "subscriptions")) {
            assertThat(jsonLines(service))
                    .as(service)
                    .filteredOn(line ->
                            line.path("herald").path("change_id").asString().equals(change))
                    .isNotEmpty()
                    .allSatisfy(
                            line -> assertThat(line.path("traceId").asString()).isEqualTo(trace));
        }
    }

    /** The catalogue's span of the operator's PUT: the one request in this test that changes a session. */
    private static Optional<ReceivedSpan> operatorsRequest() {
        return receiver.spans().stream()
                .filter(span -> span.service().equals("catalogue")
                        && span.kind() == SpanKind.SPAN_KIND_SERVER
                        && "PUT".equals(span.attributes().get("method"))
                        && span.attributes().getOrDefault("uri", "").startsWith("/api/sessions/"))
                .findFirst();
    }

    /** The Message-ID is {@code <deliveryId@domain>}, so that a receiver can tell a repeated send. */
    private static String deliveryId(ReceivedMail mail) {
        return mail.messageId().replaceAll("^<|@.*$", "");
    }

    private static void reschedule(String id) throws IOException, InterruptedException {
        URI session = herald.service("catalogue").url().resolve("/api/sessions/" + id);
        HttpResponse<String> seeded =
                HTTP.send(HttpRequest.newBuilder(session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
        HttpResponse<String> revised = HTTP.send(
                HttpRequest.newBuilder(session)
                        .header("Authorization", "Bearer " + herald.accessToken("herald-operator"))
                        .header("Content-Type", "application/json")
                        .header("If-Match", seeded.headers().firstValue("ETag").orElse("*"))
                        .PUT(HttpRequest.BodyPublishers.ofString(SeededSession.rescheduled(
                                        JSON.readTree(seeded.body()), "2022-10-11T17:00", "2022-10-11T18:30")
                                .toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    }

    private static List<JsonNode> jsonLines(String service) throws IOException {
        Path log = herald.settings().logs().resolve(service + ".json");
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("{"))
                    .map(JSON::readTree)
                    .toList();
        }
    }
}
