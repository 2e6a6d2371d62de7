package eu.herald.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./herald-local}: runs Herald on this machine until Ctrl-C, with its data in
 * {@code .herald/} of the repository (the working directory). {@code HERALD_POSTGRES_URL} points
 * it at an existing PostgreSQL instead of the embedded one; {@code --without=catalogue,...} leaves
 * services out, for running one of them from an IDE against the rest.
 */
public final class HeraldLocal {

    private static final String NETWORKING_SESSION = SeededSession.ID;

    private HeraldLocal() {}

    public static void main(String[] args) throws InterruptedException {
        Path repository = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(repository.resolve("services"))) {
            System.err.println("Run this from the Herald repository, best through ./herald-local");
            System.exit(2);
        }
        String externalPostgres = System.getenv("HERALD_POSTGRES_URL");
        LocalStackSettings all = LocalStackSettings.forDevelopers(
                repository, externalPostgres == null || externalPostgres.isBlank() ? null : externalPostgres);
        Set<String> without = without(args);
        LocalStack stack = new LocalStack(all.withServices(all.services().stream()
                .filter(service -> !without.contains(service.name()))
                .toList()));
        // LocalStack stops everything when this JVM exits (Ctrl-C through ./herald-local is a SIGTERM)

        System.out.println("Starting Herald with its data in " + repository.relativize(all.home()) + "/ ...");
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (!stack.isStopping()) {
                System.err.println("\nHerald did not start: " + e.getMessage());
            }
            System.exit(1);
        }
        List<HeraldService> leftOut = all.services().stream()
                .filter(service -> without.contains(service.name()))
                .toList();
        System.out.println(readyMessage(stack, repository, leftOut));
        // the services run in their own processes; this one only has to live on to stop them
        new CountDownLatch(1).await();
    }

    private static Set<String> without(String[] args) {
        Set<String> names = new HashSet<>();
        for (String arg : args) {
            if (!arg.startsWith("--without=")) {
                System.err.println("Unknown argument " + arg + ". Usage: ./herald-local [--without=catalogue,...]");
                System.exit(2);
            }
            names.addAll(List.of(arg.substring("--without=".length()).split(",")));
        }
        List<String> known = new ArrayList<>(LocalStackSettings.SERVICE_NAMES);
        known.add(LocalAuthorization.NAME);
        known.add(LocalWeb.NAME);
        if (!known.containsAll(names)) {
            System.err.println("--without takes " + String.join(", ", known));
            System.exit(2);
        }
        return names;
    }

    static String readyMessage(LocalStack stack, Path repository, List<HeraldService> leftOut) {
        LocalStackSettings settings = stack.settings();
        StringBuilder text = new StringBuilder("\n");
        line(text, "Herald", stack.webUrl() + "   sign in as:");
        LocalAuthorization.DEMO_USERS.forEach((user, what) ->
                line(text, "", String.format(Locale.ROOT, "    %-9s %-30s %s", user, stack.userPassword(user), what)));
        for (HeraldService service : settings.services()) {
            if (LocalWeb.isWeb(service)) {
                continue;
            }
            if (LocalAuthorization.isAuthorizationServer(service)) {
                line(text, "authorization", service.url() + "   an operator's token (catalogue:write):");
                line(text, "", "    " + stack.tokenCommand("herald-operator", repository));
                continue;
            }
            line(
                    text,
                    service.name(),
                    service.url() + "   Swagger UI " + service.url() + "/swagger-ui.html   health " + service.url()
                            + "/actuator/health");
        }
        settings.services().stream()
                .filter(service -> service.name().equals("catalogue"))
                .forEach(catalogue -> line(
                        text,
                        "",
                        "OpenAPI at /v3/api-docs; try curl " + catalogue.url() + "/api/sessions/"
                                + NETWORKING_SESSION));
        String mailbox = stack.mailbox().api().toString().replace("127.0.0.1", "localhost");
        line(text, "mailbox", "API " + mailbox + "/   recipients: curl " + mailbox + "/api/user");
        line(text, "", "    messages: curl " + mailbox + "/api/user/powiadomienia@plock.example/messages/");
        line(
                text,
                "",
                "    SMTP localhost:" + settings.smtpPort() + ", IMAP localhost:" + settings.imapPort()
                        + " (any user and password)");
        line(text, "Kafka", stack.kafkaBootstrapServers());
        line(text, "PostgreSQL", stack.jdbcUrl("<service>"));
        // what a crash may cost: compare it with the production server's
        line(text, "", "    durability: " + stack.postgresDurability());
        line(
                text,
                "logs",
                repository.relativize(settings.logs()) + "/   (Kafka: "
                        + repository.relativize(stack.kafka().logFile()) + ")");
        for (HeraldService service : leftOut) {
            String environment = stack.environmentOf(service).entrySet().stream()
                    .map(Map.Entry::getKey)
                    .map(name -> name + "=" + stack.environmentOf(service).get(name))
                    .collect(Collectors.joining(" "));
            text.append(String.format(
                    Locale.ROOT, "%n  %s is left out; run it yourself with:%n    %s%n", service.name(), environment));
        }
        Duration elapsed =
                Duration.between(ProcessHandle.current().info().startInstant().orElse(Instant.now()), Instant.now());
        text.append(String.format(
                Locale.ROOT, "%nHerald is ready (%.1f s). Press Ctrl-C to stop.", elapsed.toMillis() / 1000.0));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "  %-14s %s%n", label, value));
    }
}
