package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.NotFoundException;
import eu.herald.testsupport.AuthorizationSecrets;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docker-compose.yml} as an operator runs it: the images Jib built, Kafka, PostgreSQL, the mail catcher,
 * the collector and Jaeger, brought up by Testcontainers; one change of the seeded session made with an operator's
 * token reaches the mailbox of a municipality that follows it. Docker only: skipped where no Docker engine answers
 * (the local stack and the end-to-end test cover the same path without one); CI builds the images first.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeDockerIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ComposeDockerIntegrationTests.class);
    private static final Path COMPOSE_FILE = Path.of(System.getProperty("herald.repository", "../.."))
            .resolve("docker-compose.yml")
            .toAbsolutePath()
            .normalize();
    /** Płock follows territorial cohesion, the seeded session's theme, by email. */
    private static final String PLOCK = "powiadomienia@plock.example";

    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path secretsFolder;

    private static ComposeContainer compose;
    private static AuthorizationSecrets secrets;

    @BeforeAll
    static void bringComposeUp() throws IOException {
        requireImages();
        secrets = AuthorizationSecrets.createIfMissing(
                secretsFolder, LocalAuthorization.DEMO_CLIENTS, LocalAuthorization.DEMO_USERS.keySet());
        compose = new ComposeContainer(COMPOSE_FILE.toFile())
                // the herald images exist only where Jib built them; Compose pulls the others itself
                .withPull(false)
                .withEnv(environment())
                .withExposedService("authorization-server", 9000, ready("/oauth2/jwks"))
                .withExposedService("catalogue", 8081, ready("/actuator/health/readiness"))
                .withExposedService("subscriptions", 8082, ready("/actuator/health/readiness"))
                .withExposedService("notifications", 8083, ready("/actuator/health/readiness"))
                .withExposedService("mail", 8080, ready("/api/service/readiness"));
        for (String service : List.of("catalogue", "subscriptions", "notifications")) {
            // into the test's report, where a failure in CI is read
            compose.withLogConsumer(service, new Slf4jLogConsumer(log).withPrefix(service));
        }
        compose.start();
    }

    @AfterAll
    static void bringComposeDown() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void mailsAnOperatorsChangeToAFollowingMunicipality() throws Exception {
        URI session = url("catalogue", 8081).resolve("/api/sessions/" + SeededSession.ID);
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(session).build(), body());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        String token = LocalStack.accessToken(
                url("authorization-server", 9000), "herald-operator", secrets.clientSecret("herald-operator"));

        HttpResponse<String> moved = HTTP.send(
                HttpRequest.newBuilder(session)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/merge-patch+json")
                        .header("If-Match", read.headers().firstValue("ETag").orElseThrow())
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"start\": \"2022-10-11T17:00\", \"end\": \"2022-10-11T18:30\"}"))
                        .build(),
                body());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        await("Płock's email about the move")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(
                        () -> assertThat(subjectsTo(PLOCK)).anyMatch(subject -> subject.contains("Zmiana terminu")));
    }

    /** The keys and secrets an operator puts in {@code .env}, made for this run. */
    private static Map<String, String> environment() throws IOException {
        Path folder = secrets.directory();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(
                "HERALD_AUTHORIZATION_SIGNING_KEY", Files.readString(folder.resolve(AuthorizationSecrets.SIGNING_KEY)));
        environment.put(
                "HERALD_AUTHORIZATION_CLIENT_SECRETS",
                Files.readString(folder.resolve(AuthorizationSecrets.CLIENT_SECRETS), StandardCharsets.ISO_8859_1));
        environment.put(
                "HERALD_AUTHORIZATION_USER_PASSWORDS",
                Files.readString(folder.resolve(AuthorizationSecrets.USER_PASSWORDS), StandardCharsets.ISO_8859_1));
        environment.put("HERALD_WEB_CLIENT_SECRET", secrets.clientSecret(LocalAuthorization.WEB_CLIENT));
        return environment;
    }

    /**
     * Every {@code herald/} image the file names, built by Jib into this engine. Without them a developer with Docker
     * who never built the images is told so and skipped; CI, which builds them first, fails instead.
     */
    private static void requireImages() throws IOException {
        var images = Pattern.compile("image: (herald/\\S+)").matcher(Files.readString(COMPOSE_FILE));
        while (images.find()) {
            String image = images.group(1);
            try {
                DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                String build = "no image " + image + ": build them first (docs/deployment.md#images)";
                if (System.getenv("CI") != null) {
                    throw new IllegalStateException(build, e);
                }
                Assumptions.abort(build);
            }
        }
    }

    private static WaitStrategy ready(String path) {
        return Wait.forHttp(path).forStatusCode(200).withStartupTimeout(STARTUP);
    }

    private static URI url(String service, int port) {
        return URI.create(
                "http://" + compose.getServiceHost(service, port) + ":" + compose.getServicePort(service, port));
    }

    private static List<String> subjectsTo(String address) throws IOException, InterruptedException {
        HttpResponse<String> messages = HTTP.send(
                HttpRequest.newBuilder(url("mail", 8080)
                                .resolve("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                                        + "/messages/"))
                        .build(),
                body());
        if (messages.statusCode() != 200) {
            return List.of();
        }
        return JSON.readTree(messages.body())
                .valueStream()
                .map(message -> decoded(message.path("subject").asString()))
                .toList();
    }

    /** A subject as a reader sees it, whether or not it arrives as RFC 2047 encoded words. */
    private static String decoded(String subject) {
        try {
            return MimeUtility.decodeText(subject);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }
}
