package eu.herald.local;

import eu.herald.testsupport.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * All of Herald on one machine: PostgreSQL, a Kafka broker, the mailbox, then the authorization server
 * and the three services, then the web application, each a separate process; stopped in the reverse order (services first, so that none of them
 * loses its broker or database while finishing its work), by {@link #stop()} or when this JVM
 * exits. An instance starts once; a later run is a new instance on the same settings.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration SERVICE_READINESS_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SERVICE_SHUTDOWN_TIMEOUT = Duration.ofSeconds(45);

    private final LocalStackSettings settings;
    private final LocalPostgres postgres;
    private final KafkaBroker kafka;
    private final Mailbox mailbox;
    private final LocalAuthorization authorization;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch starting = new CountDownLatch(0);
    private volatile boolean stopping;
    private final Thread exitHook = new Thread(this::stop, "local-stack-stop");
    private @Nullable FileChannel lockFile;
    private @Nullable FileLock lock;

    public LocalStack(LocalStackSettings settings) {
        this.settings = settings;
        this.postgres = new LocalPostgres(settings);
        KafkaBroker.Builder broker = KafkaBroker.builder(settings.home().resolve("kafka"))
                .port(settings.kafkaPort())
                .controllerPort(settings.kafkaControllerPort())
                // stopped by this class after the services; a hook of its own would race with theirs
                .stopOnJvmExit(false);
        if (!settings.kafkaJvmOptions().isEmpty()) {
            broker.jvmOptions(settings.kafkaJvmOptions());
        }
        this.kafka = broker.build();
        this.mailbox = new Mailbox(settings);
        this.authorization = new LocalAuthorization(settings);
    }

    /**
     * Starts everything and returns when every service reports ready. On failure, whatever was
     * started is stopped again and the exception names the log to read.
     */
    public void start() {
        starting = new CountDownLatch(1);
        // Ctrl-C, SIGTERM or the end of a test JVM: the processes must not outlive this one
        Runtime.getRuntime().addShutdownHook(exitHook);
        try {
            lockHome();
            Leftovers.stop(settings.home());
            requireFreePorts();
            requirePackagedServices();
            Files.createDirectories(settings.logs());

            long infrastructureSince = System.nanoTime();
            Map<String, Runnable> infrastructure = new LinkedHashMap<>();
            infrastructure.put("PostgreSQL", postgres::start);
            infrastructure.put("Kafka", kafka::start);
            if (settings.mailboxJar() != null) {
                infrastructure.put("the mailbox", () -> mailbox.start(() -> stopping));
            }
            inParallel(infrastructure);
            // every service's database, also of those left out: a developer runs them from an IDE
            Set<String> databases = new LinkedHashSet<>(LocalStackSettings.SERVICE_NAMES);
            settings.services().stream()
                    .filter(service -> !LocalAuthorization.isAuthorizationServer(service) && !LocalWeb.isWeb(service))
                    .forEach(service -> databases.add(service.database()));
            postgres.createDatabases(List.copyOf(databases));
            log.info("{} are up ({} s)", String.join(", ", infrastructure.keySet()), seconds(infrastructureSince));
            // what a crash of the database may cost: an operator compares it with the production server's
            log.info("PostgreSQL durability: {}", postgres.durability());
            // also when the authorization server is left out: a developer runs it from an IDE with these
            authorization.prepareSecrets();

            long applications = System.nanoTime();
            // the web application reads the authorization server's metadata as it starts: it comes last
            startAndAwait(settings.services().stream()
                    .filter(service -> !LocalWeb.isWeb(service))
                    .toList());
            startAndAwait(settings.services().stream().filter(LocalWeb::isWeb).toList());
            if (!settings.services().isEmpty()) {
                log.info("services ready ({} s)", seconds(applications));
            }
            services.forEach(this::reportUnexpectedExit);
        } catch (IOException e) {
            stopInOrder();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stopInOrder();
            throw e;
        } finally {
            starting.countDown();
        }
    }

    /** Starts the services at once and waits until each is ready. */
    private void startAndAwait(List<HeraldService> group) {
        Map<String, Runnable> readiness = new LinkedHashMap<>();
        for (HeraldService service : group) {
            ServiceProcess process = new ServiceProcess(service, settings.home(), settings.logs());
            synchronized (this) {
                if (stopping) {
                    throw new IllegalStateException("stopped while starting");
                }
                services.add(process);
                process.start(environmentOf(service));
            }
            readiness.put(service.name(), () -> process.awaitReady(SERVICE_READINESS_TIMEOUT, () -> stopping));
        }
        inParallel(readiness);
    }

    /** Stops everything in order; waits for a start in progress to give up first. Safe to call twice. */
    public void stop() {
        synchronized (this) {
            stopping = true;
        }
        try {
            starting.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopInOrder();
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether {@link #stop()} was called, for example by Ctrl-C during a start. */
    public boolean isStopping() {
        return stopping;
    }

    public LocalStackSettings settings() {
        return settings;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** The issuer of the local authorization server's tokens, which is also its URL. */
    public String authorizationIssuer() {
        return authorization.issuer();
    }

    /** The generated secret of a demo client such as {@code herald-operator}. */
    public String clientSecret(String client) {
        return authorization.prepareSecrets().clientSecret(client);
    }

    /**
     * An access token of a demo client from the running authorization server ({@code client_credentials}, all the
     * client's scopes), as the README's curl gets one.
     */
    public String accessToken(String client) {
        return accessToken(URI.create(authorizationIssuer()), client, clientSecret(client));
    }

    /** The same from an authorization server wherever it runs, such as a port that Docker published. */
    static String accessToken(URI authorizationServer, String client, String secret) {
        String credentials = client + ":" + secret;
        HttpRequest request = HttpRequest.newBuilder(authorizationServer.resolve("/oauth2/token"))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the authorization server answered " + response.statusCode() + " for " + client);
            }
            return JsonMapper.shared()
                    .readTree(response.body())
                    .path("access_token")
                    .asString();
        } catch (IOException e) {
            throw new UncheckedIOException("no token for " + client, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while getting a token for " + client, e);
        }
    }

    String tokenCommand(String client, Path workingDirectory) {
        return authorization.tokenCommand(client, workingDirectory);
    }

    /** Where people sign in to the web application. */
    String webUrl() {
        return LocalWeb.baseUrl(settings);
    }

    /** The generated password of a demo user such as {@code plock}. */
    public String userPassword(String user) {
        return authorization.prepareSecrets().userPassword(user);
    }

    /** What a commit of PostgreSQL waits for, as the server reports it: {@code synchronous_commit=on, fsync=on}. */
    public String postgresDurability() {
        return postgres.durability();
    }

    /** The JDBC URL the services use for this database. */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public HeraldService service(String name) {
        return settings.service(name);
    }

    /**
     * A started service as an instance that can be killed and started again, such as {@code notifications}.
     *
     * @throws IllegalArgumentException when the stack did not start a service of that name
     */
    public ServiceInstance instance(String name) {
        ServiceProcess process = services.stream()
                .filter(service -> service.service().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no running service " + name));
        return new ServiceInstance(name, process, environmentOf(process.service()));
    }

    /**
     * Another instance of one of the stack's services, not started yet: its own port, JVM options and label (its log's
     * name, the host name it reports), the stack's environment for the service with {@code environment} on top. The
     * stack stops it with the others.
     */
    public ServiceInstance newInstance(
            String name, String label, int port, List<String> jvmOptions, Map<String, String> environment) {
        HeraldService configured = settings.service(name);
        HeraldService other =
                new HeraldService(configured.name(), port, configured.launch(), jvmOptions, configured.environment());
        Map<String, String> variables = new LinkedHashMap<>(environmentOf(other));
        variables.putAll(LocalLogs.environmentOf(other, settings.logs(), label));
        variables.put("HOSTNAME", label);
        variables.putAll(environment);
        ServiceProcess process = new ServiceProcess(other, label, settings.home(), settings.logs());
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("the stack is stopping");
            }
            services.add(process);
        }
        return new ServiceInstance(label, process, variables);
    }

    /**
     * Crashes PostgreSQL: SIGKILL to the server and every backend at once, as the kernel's out-of-memory killer or a
     * power cut ends them. Nothing is flushed; {@link #restartPostgres()} recovers from the write-ahead log.
     */
    public void crashPostgres() {
        postgres.crash();
    }

    /** Starts the crashed PostgreSQL again on its data and port; returns once it takes connections. */
    public void restartPostgres() {
        postgres.start();
    }

    /** The environment of a service: the usual Spring variables, so the services need no local-stack code. */
    Map<String, String> environmentOf(HeraldService service) {
        if (LocalAuthorization.isAuthorizationServer(service)) {
            return authorization.serverEnvironment(service);
        }
        if (LocalWeb.isWeb(service)) {
            return authorization.webEnvironment(service);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "demo");
        environment.put("SERVER_PORT", Integer.toString(service.port()));
        environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(service.database()));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", Integer.toString(settings.smtpPort()));
        environment.putAll(VapidKeys.keptIn(settings.home()).environmentOf(service.name()));
        environment.putAll(LocalWebhooks.environment(settings.home()));
        environment.putAll(LocalLinks.environmentOf(service, settings.home()));
        environment.putAll(LocalLogs.environmentOf(service, settings.logs()));
        environment.putAll(authorization.resourceServerEnvironment());
        environment.putAll(service.environment());
        return environment;
    }

    private void stopInOrder() {
        long since = System.nanoTime();
        List<ServiceProcess> running = new ArrayList<>(services);
        if (!running.isEmpty()) {
            log.info(
                    "stopping {}", running.stream().map(s -> s.service().name()).toList());
            running.forEach(ServiceProcess::signalStop);
            running.forEach(service -> service.awaitStopped(SERVICE_SHUTDOWN_TIMEOUT));
            services.clear();
        }
        boolean wasRunning = !running.isEmpty() | kafka.isRunning() | mailbox.isRunning() | postgres.isRunning();
        quietly("Kafka", kafka::stop);
        quietly("the mailbox", mailbox::stop);
        quietly("PostgreSQL", postgres::stop);
        unlockHome();
        if (wasRunning) {
            log.info("stopped everything ({} s)", seconds(since));
        }
        if (Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException exiting) {
                // the hook is about to run and finds everything stopped
            }
        }
    }

    private void reportUnexpectedExit(ServiceProcess service) {
        Process process = service.process();
        if (process != null) {
            process.onExit().thenAccept(exited -> {
                if (!stopping) {
                    log.error(
                            "{} exited with {}; see {}",
                            service.service().name(),
                            exited.exitValue(),
                            service.logFile());
                }
            });
        }
    }

    /** Only one stack at a time per folder: two would share, and corrupt, the same data directories. */
    private synchronized void lockHome() throws IOException {
        Files.createDirectories(settings.home());
        FileChannel channel = FileChannel.open(
                settings.home().resolve("local-stack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            throw new IllegalStateException("Herald is already running with its data in " + settings.home()
                    + " (another ./herald-local?); stop that one first");
        }
        lockFile = channel;
        lock = acquired;
    }

    private synchronized void unlockHome() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException e) {
            log.warn("cannot release {}", settings.home().resolve("local-stack.lock"), e);
        }
        lock = null;
        lockFile = null;
    }

    /** Fails before starting anything when a port is taken, instead of half-way with a buried bind error. */
    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (postgres.isEmbedded()) {
            ports.put("PostgreSQL", settings.postgresPort());
        }
        ports.put("Kafka", settings.kafkaPort());
        ports.put("the Kafka controller", settings.kafkaControllerPort());
        // without a mailbox the SMTP port belongs to a server that is already listening
        if (settings.mailboxJar() != null) {
            ports.put("SMTP", settings.smtpPort());
            ports.put("IMAP", settings.imapPort());
            ports.put("the mailbox API", settings.mailboxApiPort());
        }
        settings.services().forEach(service -> ports.put(service.name(), service.port()));
        List<String> taken = new ArrayList<>();
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                taken.add(port + " (" + what + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(
                    "ports in use: " + String.join(", ", taken) + ". Is another Herald, Kafka or PostgreSQL running?");
        }
    }

    private void requirePackagedServices() {
        for (HeraldService service : settings.services()) {
            int jar = service.launch().indexOf("-jar");
            if (jar >= 0 && !Files.isRegularFile(Path.of(service.launch().get(jar + 1)))) {
                throw new IllegalStateException(
                        service.name() + " is not built: " + service.launch().get(jar + 1)
                                + " is missing. Build it with ./mvnw -DskipTests package (./herald-local does this).");
            }
        }
    }

    /**
     * Runs the tasks at once, each on its own thread (they mostly wait on other processes, and the
     * common pool has a single thread on two cores), and fails with the first failure after all
     * have finished.
     */
    private static void inParallel(Map<String, Runnable> tasks) {
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        tasks.forEach((name, task) -> {
            Thread thread = new Thread(
                    () -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            failures.add(new IllegalStateException(name + " did not start: " + e.getMessage(), e));
                        }
                    },
                    "start " + name);
            threads.add(thread);
            thread.start();
        });
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void quietly(String what, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("stopping {} failed: {}", what, e.toString());
        }
    }

    private static String seconds(long since) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }
}
