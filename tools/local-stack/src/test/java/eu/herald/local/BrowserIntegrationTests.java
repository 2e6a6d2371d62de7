package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.testsupport.AuthorizationSecrets;
import eu.herald.testsupport.WebhookReceiver;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald's pages as people use them, in headless Chromium: the browser tests of {@code tools/browser-tests} (Node's
 * test runner driving Debian's Chromium through playwright-core, axe-core on every page) against the whole stack,
 * web application included, started from the packaged jars on free ports like the end-to-end test. The webhook and
 * the push subscription the clerk adds in the browser lead to receivers of this test, which checks afterwards that
 * the operator's change reached them.
 */
class BrowserIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(BrowserIntegrationTests.class);
    private static final Path REPOSITORY = Path.of(System.getProperty("herald.repository", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final Path BROWSER_TESTS = REPOSITORY.resolve("tools").resolve("browser-tests");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path HOME = Path.of("target", "browser").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(10);

    private static LocalStack herald;
    private static WebhookReceiver webhooks;
    private static PushReceiver pushService;

    @BeforeAll
    static void startHerald() throws Exception {
        requireChromium();
        installBrowserTests();
        TestFolders.deleteRecursively(HOME);
        TestFolders.deleteRecursively(SCREENSHOTS);
        webhooks = WebhookReceiver.start();
        pushService = PushReceiver.start(HOME.resolve("push-receiver"));
        LocalStackSettings settings = LocalStackSettings.onFreePorts(HOME.resolve("stack"), REPOSITORY);
        herald = new LocalStack(settings.withServices(settings.services().stream()
                .map(BrowserIntegrationTests::reachingThePushReceiver)
                .toList()));
        herald.start();
        SeededEventCoalescing.turnOff(herald);
    }

    @AfterAll
    static void stopHerald() {
        if (herald != null) {
            herald.stop();
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (pushService != null) {
            pushService.close();
        }
    }

    @Test
    void peopleUseHeraldInABrowser() throws Exception {
        Path results = HOME.resolve("results");
        Files.createDirectories(results);
        Files.createDirectories(SCREENSHOTS);

        int exit = run(
                List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1"),
                environment(results),
                NODE_TIMEOUT);

        assertThat(exit)
                .as("node --test in " + BROWSER_TESTS + " (its output is above)")
                .isZero();
        // the operator's change reached the webhook the clerk added, signed with the secret the page showed once
        String secret = Files.readString(results.resolve("webhook-secret")).strip();
        await().atMost(Duration.ofMinutes(1))
                .until(() -> !webhooks.received("/plock").isEmpty());
        for (WebhookReceiver.Received delivery : webhooks.received("/plock")) {
            assertThat(WebhookReceiver.verify(delivery, secret, Instant.now())).isNull();
        }
        // and the browser's push subscription: encrypted (RFC 8291) and signed with the VAPID key (RFC 8292)
        await().atMost(Duration.ofMinutes(1))
                .until(() -> !pushService.received().isEmpty());
        assertThat(pushService.received()).allSatisfy(message -> {
            assertThat(message.path()).isEqualTo("/push/plock");
            assertThat(message.authorization()).startsWith("vapid t=");
            assertThat(message.contentEncoding()).isEqualTo("aes128gcm");
            assertThat(message.bytes()).isPositive();
        });
    }

    /** What the browser tests read: where everything is, the demo users' passwords, where to put what they saw. */
    private static Map<String, String> environment(Path results) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HERALD_WEB_URL", herald.service("web").url().toString());
        environment.put("HERALD_AUTHORIZATION_URL", herald.authorizationIssuer());
        environment.put("HERALD_MAILBOX_URL", herald.mailbox().api().toString());
        environment.put("HERALD_WEBHOOK_URL", webhooks.url("/plock").toString());
        environment.put("HERALD_PUSH_ENDPOINT", pushService.url("/push/plock").toString());
        environment.put("HERALD_SCREENSHOTS", SCREENSHOTS.toString());
        environment.put("HERALD_RESULTS", results.toString());
        environment.put("CHROMIUM", CHROMIUM.toString());
        Properties passwords = new Properties();
        Path file = herald.settings().home().resolve("authorization").resolve(AuthorizationSecrets.USER_PASSWORDS);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            passwords.load(reader);
        }
        for (String user : passwords.stringPropertyNames()) {
            environment.put("HERALD_PASSWORD_" + user.toUpperCase(Locale.ROOT), passwords.getProperty(user));
        }
        return environment;
    }

    /**
     * The push receiver is on loopback, which the address guards of subscriptions (when the browser registers its
     * subscription) and notifications (when it delivers) refuse unless allowed; notifications trusts its certificate
     * through an SSL bundle, as it would a push service's in a closed network.
     */
    private static HeraldService reachingThePushReceiver(HeraldService service) {
        Map<String, String> properties = switch (service.name()) {
            case "subscriptions" -> Map.of("herald.subscriptions.web-push.allowed-addresses", "127.0.0.1/32");
            case "notifications" ->
                Map.of(
                        "herald.notifications.web-push.allowed-addresses", "127.0.0.1/32",
                        "herald.notifications.web-push.ssl-bundle", "push-receiver",
                        "spring.ssl.bundle.pem.push-receiver.truststore.certificate",
                                "file:" + pushService.certificate());
            default -> Map.of();
        };
        if (properties.isEmpty()) {
            return service;
        }
        Map<String, String> environment = new LinkedHashMap<>(service.environment());
        environment.put("SPRING_APPLICATION_JSON", JsonMapper.shared().writeValueAsString(properties));
        return service.withEnvironment(environment);
    }

    private static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !onPath("node")) {
            String missing = "the browser tests need " + CHROMIUM + " and Node.js 20 or later"
                    + " (Debian, Ubuntu: sudo apt-get install chromium nodejs npm)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
    }

    /** {@code npm ci} when the browser tests' packages are not installed yet (a fresh clone). */
    private static void installBrowserTests() throws IOException, InterruptedException {
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules").resolve("playwright-core"))) {
            int exit = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5));
            assertThat(exit).as("npm ci in " + BROWSER_TESTS).isZero();
        }
    }

    /** Runs a command in the browser tests' folder, its output line by line into this test's log. */
    private static int run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(BROWSER_TESTS.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread output = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        lines.lines().forEach(line -> log.info("{} | {}", command.get(0), line));
                    } catch (IOException e) {
                        log.warn("lost the output of {}: {}", command, e.toString());
                    }
                },
                command.get(0) + " output");
        output.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        output.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
    }
}
