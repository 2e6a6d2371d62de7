package eu.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.benchmark.report.Results;
import eu.herald.benchmark.report.Results.ScenarioResult;
import eu.herald.benchmark.sink.WebhookSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CI smoke run of the benchmark, to keep the harness working (not a timed test): the packaged
 * services, a Kafka broker, PostgreSQL and the sinks, a small fan-out, then its correctness and the
 * files it writes.
 */
class BenchmarkIntegrationTests {

    private static final Path REPOSITORY = Path.of(System.getProperty("herald.repository", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final int MUNICIPALITIES = 200;

    @Test
    void emailsEachOfTheSeededMunicipalitiesExactlyOnceAndWritesTheResults() throws Exception {
        Path folder = Path.of("target", "benchmark-smoke").toAbsolutePath();
        BenchmarkStack.deleteRecursively(folder);

        Results results = HeraldBenchmark.run(options(Scenario.EMAIL), folder, "smoke test");

        // production durability and an operator's broker, as the results state them
        assertThat(results.machine().postgresql()).isEqualTo("synchronous_commit=on, fsync=on");
        assertThat(results.machine().kafkaBroker())
                .contains("-Xmx1g", "-XX:+UseG1GC")
                .doesNotContain("TieredStopAtLevel", "SerialGC");
        ScenarioResult email = results.scenarios().get(0);
        assertThat(email.name()).isEqualTo("email");
        assertThat(email.expectedDeliveries()).isEqualTo(MUNICIPALITIES);
        assertThat(email.correctness().distinctReceived()).isEqualTo(MUNICIPALITIES);
        assertThat(email.correctness().missing()).isZero();
        assertThat(email.correctness().duplicates()).isZero();
        assertThat(email.correctness().unexpected()).isZero();
        assertThat(email.correctness().refused()).isZero();
        assertThat(email.matcher()).isNotNull();
        assertThat(email.matcher().count()).isEqualTo(MUNICIPALITIES);
        assertThat(email.latency().samples()).isEqualTo(MUNICIPALITIES);
        assertThat(email.latency().p50())
                .isPositive()
                .isLessThanOrEqualTo(email.latency().max());
        assertThat(email.ceilings())
                .extracting(Results.Ceiling::name)
                .containsExactly(
                        "Kafka produce+consume",
                        "bare Jakarta Mail client → " + results.machine().smtpSink());
        assertThat(email.processes())
                .extracting(Results.ProcessUsage::name)
                .contains("catalogue", "subscriptions", "notifications", "kafka", "postgresql");
        assertThat(email.processes())
                .filteredOn(process -> process.name().equals("notifications"))
                .singleElement()
                .satisfies(notifications ->
                        assertThat(notifications.heapAfterGcMiB()).isPositive());

        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(folder.resolve("results.json").toFile());
        assertThat(json.path("scenarios")
                        .get(0)
                        .path("correctness")
                        .path("distinctReceived")
                        .asInt())
                .isEqualTo(MUNICIPALITIES);
        assertThat(Files.readString(folder.resolve("results.md"))).contains("| email | 200 of 200 |", "exactly once");
        assertThat(ImageIO.read(folder.resolve("deliveries.png").toFile()).getWidth())
                .isPositive();
    }

    @Test
    void postsEachOfTheSeededMunicipalitiesOneSignedWebhook() {
        Path folder = Path.of("target", "benchmark-smoke-webhook").toAbsolutePath();
        BenchmarkStack.deleteRecursively(folder);

        ScenarioResult webhook = HeraldBenchmark.run(options(Scenario.WEBHOOK), folder, "smoke test")
                .scenarios()
                .get(0);

        assertThat(webhook.correctness().distinctReceived()).isEqualTo(MUNICIPALITIES);
        assertThat(webhook.correctness().exact()).isTrue();
    }

    @Test
    void postsEachOfTheSeededMunicipalitiesOneWebhookOverHttpsToManyHosts() {
        Path folder = Path.of("target", "benchmark-smoke-webhook-tls").toAbsolutePath();
        BenchmarkStack.deleteRecursively(folder);
        BenchmarkOptions options = options(Scenario.WEBHOOK_TLS);

        try (BenchmarkStack stack = BenchmarkStack.start(options, Scenario.WEBHOOK_TLS, folder)) {
            ScenarioResult tls = new FanOutRun(options, Scenario.WEBHOOK_TLS).run(stack);

            assertThat(tls.name()).isEqualTo("webhook-tls");
            assertThat(tls.correctness().distinctReceived()).isEqualTo(MUNICIPALITIES);
            assertThat(tls.correctness().exact()).isTrue();
            WebhookSink sink = stack.webhooks();
            assertThat(sink.urlOf(UUID.randomUUID().toString()).getScheme()).isEqualTo("https");
            assertThat(sink.hostsReached()).isGreaterThan(1);
            // the warm-up's and the measured change's deliveries at least, then the bare client's
            assertThat(sink.arrivalsOverTls()).isGreaterThanOrEqualTo(2L * MUNICIPALITIES);
            assertThat(sink.tlsProtocol()).startsWith("TLSv1.");
            assertThat(tls.ceilings())
                    .filteredOn(ceiling -> ceiling.name().startsWith("bare JDK HttpClient"))
                    .singleElement()
                    .satisfies(ceiling -> assertThat(ceiling.how()).contains("https"));
        }
    }

    private static BenchmarkOptions options(Scenario scenario) {
        return new BenchmarkOptions(
                MUNICIPALITIES,
                List.of(scenario),
                REPOSITORY,
                REPOSITORY.resolve("benchmark").resolve("target"),
                "auto",
                4,
                4,
                64,
                10,
                2,
                // a smoke run: the quick-starting JVM of the local stack
                eu.herald.local.HeraldService.SMALL_JVM,
                Duration.ofSeconds(60),
                MUNICIPALITIES,
                true,
                null);
    }
}
