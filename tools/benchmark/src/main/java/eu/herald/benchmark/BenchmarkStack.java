package eu.herald.benchmark;

import eu.herald.benchmark.sink.SmtpSink;
import eu.herald.benchmark.sink.WebhookSink;
import eu.herald.local.HeraldService;
import eu.herald.local.LocalStack;
import eu.herald.local.LocalStackSettings;
import eu.herald.testsupport.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald as users run it, for one scenario: the local stack's Kafka broker process, embedded
 * PostgreSQL and the three packaged service jars, on free ports and a folder of their own, sending
 * email to the SMTP sink and webhooks to the webhook sink. No mailbox: nothing keeps the mail.
 */
final class BenchmarkStack implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Follows an instance's label in its consumers' client ids: {@code notifications-2.consumer-0}. */
    static final String CLIENT_SUFFIX = ".consumer";

    private final LocalStack herald;
    private final Path home;
    private final SmtpSink smtp;
    private final WebhookSink webhooks;
    private final String masterKey;
    private final Map<String, String> environment;

    private BenchmarkStack(
            LocalStack herald,
            Path home,
            SmtpSink smtp,
            WebhookSink webhooks,
            String masterKey,
            Map<String, String> environment) {
        this.herald = herald;
        this.environment = environment;
        this.home = home;
        this.smtp = smtp;
        this.webhooks = webhooks;
        this.masterKey = masterKey;
    }

    static BenchmarkStack start(BenchmarkOptions options, Scenario scenario, Path home) {
        return start(options, scenario, home, Map.of());
    }

    /**
     * As {@link #start(BenchmarkOptions, Scenario, Path)}, with more Spring properties for every service (the fault
     * suite's retry schedules). With any, each service is also named by its label, as its other instances are: the
     * host name its notifier reports and the client id of its Kafka consumers, by which the suite finds their
     * partitions.
     */
    static BenchmarkStack start(
            BenchmarkOptions options, Scenario scenario, Path home, Map<String, Object> properties) {
        deleteRecursively(home);
        String masterKey = randomKey();
        SmtpSink smtp = SmtpSink.start(createDirectories(home), options.smtpSink());
        WebhookSink webhooks = webhookSink(options, scenario, home, masterKey);
        // the notification path only: no web application
        LocalStackSettings free =
                LocalStackSettings.onFreePorts(home, options.repository()).withoutWeb();
        Map<String, String> environment = environment(masterKey, options, webhooks, properties);
        LocalStackSettings settings = free.withMailServer(smtp.port())
                // the broker as an operator runs it, not the local stack's small one: Herald's rates and the Kafka
                // ceiling's are both taken on it
                .withKafkaJvmOptions(KafkaBroker.PRODUCTION_JVM)
                .withServices(free.services().stream()
                        .map(service -> service.withJvmOptions(
                                        withGcLog(options.serviceJvmOptions(), free.logs(), service))
                                .withEnvironment(
                                        properties.isEmpty() ? environment : labelled(environment, service.name())))
                        .toList());
        LocalStack herald = new LocalStack(settings);
        try {
            herald.start();
        } catch (RuntimeException e) {
            smtp.close();
            webhooks.close();
            throw e;
        }
        return new BenchmarkStack(herald, home, smtp, webhooks, masterKey, environment);
    }

    /** Over TLS, many receivers with a certificate made for the run (kept with the scenario's files); else one. */
    private static WebhookSink webhookSink(BenchmarkOptions options, Scenario scenario, Path home, String masterKey) {
        int threads = Math.max(8, options.webhookConcurrency());
        return scenario.overTls()
                ? WebhookSink.startHttps(masterKey, threads, options.webhookHosts(), home.resolve("webhook-tls"))
                : WebhookSink.start(masterKey, threads);
    }

    /**
     * What every service reads besides the stack's usual variables: metrics for a look during a run, and
     * the webhook settings both services share (the master key, and the sink's loopback addresses allowed:
     * 127.0.0.1 over http, all of 127.0.0.0/8 for receivers on many hosts over TLS).
     */
    private static Map<String, String> environment(
            String masterKey, BenchmarkOptions options, WebhookSink webhooks, Map<String, Object> more) {
        Path certificate = webhooks.certificate();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String service : List.of("subscriptions", "notifications")) {
            String prefix = "herald." + service + ".webhooks.";
            properties.put(prefix + "master-key", masterKey);
            properties.put(prefix + "allow-http", certificate == null);
            properties.put(prefix + "allowed-addresses", certificate == null ? "127.0.0.1/32" : "127.0.0.0/8");
        }
        properties.put("herald.notifications.webhooks.concurrency", options.webhookConcurrency());
        if (certificate == null) {
            // every endpoint posts to the one sink: as many connections to it as the bare client's ceiling uses
            properties.put("herald.notifications.webhooks.max-per-host", options.webhookConcurrency());
        } else {
            // many receivers, as in production: max-per-host keeps its production default and bounds the load on
            // each receiver; notifications trusts the sink's certificate through an SSL bundle, as an operator
            // trusts receivers with a private authority's certificate
            properties.put("herald.notifications.webhooks.ssl-bundle", "webhook-receivers");
            properties.put("spring.ssl.bundle.pem.webhook-receivers.truststore.certificate", "file:" + certificate);
        }
        properties.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        // the warm-up and the measured change move the same session a few minutes apart: each fans out at once
        properties.put("herald.notifications.coalescing.window", "0s");
        properties.putAll(more);
        return Map.of("SPRING_APPLICATION_JSON", JSON.writeValueAsString(properties));
    }

    /** The environment of one instance of a service, named by its label (see {@link #start(BenchmarkOptions, Path, Map)}). */
    static Map<String, String> labelled(Map<String, String> environment, String label) {
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.put("HOSTNAME", label);
        // the container numbers its consumers (-0, -1, …): a bare label would read notifications-2 for the second
        // consumer of notifications
        variables.put("SPRING_KAFKA_LISTENER_CLIENT_ID", label + CLIENT_SUFFIX);
        return variables;
    }

    /** The environment every service of this stack was given, for another instance of one. */
    Map<String, String> environment() {
        return environment;
    }

    /** The service's JVM options, and its GC log, which {@link ResourceMonitor} reads the heap from. */
    private static List<String> withGcLog(List<String> options, Path logs, HeraldService service) {
        List<String> all = new ArrayList<>(options);
        all.add(GcLog.option(gcLog(logs, service.name())));
        return all;
    }

    private static Path gcLog(Path logs, String service) {
        return logs.resolve(service + "-gc.log");
    }

    /** Each service's GC log by the service's name. */
    Map<String, Path> gcLogs() {
        Map<String, Path> logs = new LinkedHashMap<>();
        herald.settings()
                .services()
                .forEach(service ->
                        logs.put(service.name(), gcLog(herald.settings().logs(), service.name())));
        return logs;
    }

    LocalStack herald() {
        return herald;
    }

    /** The demo operator's token: the catalogue's writes need {@code catalogue:write}. */
    String operatorToken() {
        return herald.accessToken("herald-operator");
    }

    SmtpSink smtp() {
        return smtp;
    }

    WebhookSink webhooks() {
        return webhooks;
    }

    String masterKey() {
        return masterKey;
    }

    String kafka() {
        return herald.kafkaBootstrapServers();
    }

    String jdbcUrl(String database) {
        return herald.jdbcUrl(database);
    }

    URI url(String service) {
        return herald.service(service).url();
    }

    /** The processes whose CPU and memory are reported, by name, found by the marker on their command line. */
    Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        String marker = "-Dherald.local.home=" + home + " ";
        String kafkaMarker = "-Dherald.kafka.directory=" + home.resolve("kafka") + " ";
        List<ProcessHandle> all = ProcessHandle.allProcesses().toList();
        for (HeraldService service : herald.settings().services()) {
            commandLineWith(all, marker, service.name() + ".jar")
                    .ifPresent(process -> processes.put(service.name(), process));
        }
        commandLineWith(all, kafkaMarker, "kafka.Kafka").ifPresent(process -> processes.put("kafka", process));
        postmaster().ifPresent(process -> processes.put(ResourceMonitor.POSTGRESQL, process));
        ProcessHandle sink = smtp.process();
        if (sink != null) {
            processes.put(smtp.name(), sink);
        }
        processes.put("harness (webhook sink, observers)", ProcessHandle.current());
        return processes;
    }

    private static Optional<ProcessHandle> commandLineWith(List<ProcessHandle> all, String marker, String name) {
        return all.stream()
                .filter(process -> process.info()
                        .commandLine()
                        .filter(line -> line.contains(marker) && line.contains(name))
                        .isPresent())
                .findFirst();
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
            return ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops everything and removes the data (logs stay): a run at N = 100,000 leaves gigabytes of it. */
    @Override
    public void close() {
        try {
            herald.stop();
        } finally {
            smtp.close();
            webhooks.close();
            deleteRecursively(home.resolve("postgres"));
            deleteRecursively(home.resolve("kafka").resolve("data"));
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
