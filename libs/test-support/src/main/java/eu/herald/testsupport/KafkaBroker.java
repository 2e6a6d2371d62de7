package eu.herald.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined) running as a separate
 * JVM, from the {@code kafka_2.13} artifact on this JVM's classpath.
 *
 * <p>Unlike spring-kafka-test's in-JVM broker it can be stopped and started again on the same
 * port and data, which is what a test of broker downtime needs, and it serves several services'
 * processes at once (the end-to-end test and the local stack). The data directory holds the
 * generated {@code server.properties}, the log segments under {@code data/} and the broker's own
 * log in {@code broker.log}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String HOST = "127.0.0.1";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    /**
     * How Kafka's own {@code kafka-server-start.sh} runs a broker ({@code KAFKA_HEAP_OPTS} and {@code
     * KAFKA_JVM_PERFORMANCE_OPTS}): a 1 GiB heap, G1 with a 20 ms pause goal, both compilers. What an operator
     * runs, so a benchmark that compares Herald with the broker's own ceiling measures that broker.
     */
    public static final List<String> PRODUCTION_JVM = List.of(
            "-Xms1g",
            "-Xmx1g",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent");

    private final List<String> jvmOptions;
    private final Duration startupTimeout;
    private final Duration shutdownTimeout;
    private final boolean stopOnJvmExit;
    private @Nullable Process process;
    private @Nullable Thread exitHook;

    private KafkaBroker(Builder builder) {
        this.directory = builder.directory.toAbsolutePath().normalize();
        this.port = builder.port == 0 ? freePort() : builder.port;
        this.controllerPort = builder.controllerPort == 0 ? freePort() : builder.controllerPort;
        this.jvmOptions = builder.jvmOptions != null
                ? List.copyOf(builder.jvmOptions)
                // a local broker with little traffic: fewer GC and compiler threads leave the cores to the services
                : List.of("-Xms64m", "-Xmx" + builder.maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        this.startupTimeout = builder.startupTimeout;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.stopOnJvmExit = builder.stopOnJvmExit;
    }

    /** A broker on free ports, chosen now and kept across restarts. */
    public static KafkaBroker onFreePorts(Path directory) {
        return builder(directory).build();
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /**
     * Starts the broker, formatting the data directory on first use, and returns once it answers
     * metadata requests. Starting a running broker does nothing.
     */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory());
            Path properties = writeServerProperties();
            writeLogbackConfiguration();
            writeClasspathArgumentFile();
            if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
                format(properties);
            }
            log.info("starting Kafka broker on {} with data in {}", bootstrapServers(), directory);
            process = java("kafka.Kafka", properties.toString());
            awaitReady(process);
            if (stopOnJvmExit && exitHook == null) {
                exitHook = new Thread(this::stop, "kafka-broker-stop");
                Runtime.getRuntime().addShutdownHook(exitHook);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + directory, e);
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
    }

    /**
     * Stops the broker gracefully (SIGTERM: it closes its logs cleanly, so a restart does not
     * have to recover them) and waits until the process is gone.
     */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        log.info("stopping Kafka broker on {}", bootstrapServers());
        running.destroy();
        try {
            if (!running.waitFor(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Kafka broker did not stop within {}; killing it", shutdownTimeout);
                running.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        removeExitHook();
    }

    /**
     * SIGKILL, as a crash ends the broker: no log is closed cleanly, so the next {@link #start()} recovers them.
     * Returns once the process is gone.
     */
    public synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        log.info("killing Kafka broker on {}", bootstrapServers());
        running.destroyForcibly();
        try {
            running.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        removeExitHook();
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path directory() {
        return directory;
    }

    /** The broker JVM's options: heap, collector and compiler, as a report states them. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The broker's own output: look here when it does not start. */
    public Path logFile() {
        return directory.resolve("broker.log");
    }

    private Path dataDirectory() {
        return directory.resolve("data");
    }

    private Path writeServerProperties() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        // a static voter set: one node that is always its own quorum, so a restart needs no re-bootstrap
        settings.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", dataDirectory().toString());
        // one node: every internal topic must be satisfied by a single replica
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("min.insync.replicas", "1");
        // few internal partitions: creating the default 50 costs seconds on a small machine for nothing
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.num.partitions", "5");
        // consumers join at once instead of waiting 3 s for others that will never come
        settings.put("group.initial.rebalance.delay.ms", "0");
        // what the services declare for their topics, so that a topic created on first use looks the same
        settings.put("num.partitions", "3");
        Path file = directory.resolve("server.properties");
        StringBuilder text = new StringBuilder("# written by eu.herald.testsupport.KafkaBroker\n");
        settings.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private void writeLogbackConfiguration() throws IOException {
        Files.writeString(directory.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.kafka.clients" level="WARN"/>
                  <logger name="org.apache.kafka.common.config" level="WARN"/>
                  <logger name="kafka.server.KafkaConfig" level="WARN"/>
                  <logger name="state.change.logger" level="WARN"/>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """, StandardCharsets.UTF_8);
    }

    /**
     * The classpath goes into an argument file: a long Maven classpath can exceed the limit of a
     * single command-line argument.
     */
    private void writeClasspathArgumentFile() throws IOException {
        String classpath = JavaClasspath.asArgument(JavaClasspath.jarsOfThisJvm());
        Files.writeString(
                directory.resolve("classpath.args"),
                "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n",
                StandardCharsets.UTF_8);
    }

    /**
     * Formats the data directory with Kafka's storage tool, in this JVM: a JVM of its own would
     * cost several seconds on every first start, which every test with a fresh directory pays.
     */
    private void format(Path properties) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        log.info("formatting Kafka data directory {} for cluster {}", dataDirectory(), clusterId);
        int exitCode;
        try (PrintStream output = new PrintStream(
                Files.newOutputStream(logFile(), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true,
                StandardCharsets.UTF_8)) {
            exitCode =
                    StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", properties.toString()}, output);
        }
        if (exitCode != 0) {
            throw new IllegalStateException(
                    "formatting the Kafka data directory failed (exit " + exitCode + "):\n" + logTail());
        }
    }

    private Process java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + directory.resolve("classpath.args"));
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        command.add("-Dlogback.configurationFile=" + directory.resolve("logback.xml"));
        // names the folder on the command line: a broker left behind by a killed JVM can be recognised by it
        command.add("-Dherald.kafka.directory=" + directory);
        command.add(mainClass);
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    private void awaitReady(Process broker) {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        // a plain TCP probe first: the admin client would log a warning for every refused connection
        while (!accepts(port)) {
            pauseOrFail(broker, deadline);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(10, TimeUnit.SECONDS)
                            .isEmpty()) {
                        log.info("Kafka broker ready on {}", bootstrapServers());
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    log.debug("Kafka broker not ready yet: {}", e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                }
                pauseOrFail(broker, deadline);
            }
        }
    }

    /** Waits a moment for the process to exit, which doubles as the pause between two probes. */
    private void pauseOrFail(Process broker, long deadline) {
        try {
            if (broker.waitFor(200, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "the Kafka broker exited with " + broker.exitValue() + " while starting:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                    "the Kafka broker did not start within " + startupTimeout + ":\n" + logTail());
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n(full log: "
                    + logFile() + ")";
        } catch (IOException e) {
            return "(no log at " + logFile() + ")";
        }
    }

    private void destroy() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            process = null;
        }
    }

    private void removeExitHook() {
        Thread hook = exitHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the hook is running or about to; nothing to undo
            }
        }
        exitHook = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** How to run a {@link KafkaBroker}. */
    public static final class Builder {

        private final Path directory;
        private int port;
        private int controllerPort;
        private String maxHeap = "384m";
        private @Nullable List<String> jvmOptions;
        private Duration startupTimeout = Duration.ofSeconds(90);
        private Duration shutdownTimeout = Duration.ofSeconds(60);
        private boolean stopOnJvmExit = true;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /** The client port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The KRaft controller port; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** The broker JVM's {@code -Xmx}, for example {@code 384m}, with the small default options. */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /**
         * All of the broker JVM's options instead of the small defaults (a 384 MiB heap, the serial
         * collector, C1 only), for example {@link KafkaBroker#PRODUCTION_JVM}.
         */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /**
         * Whether a JVM shutdown hook stops the broker (the default), so that a test run never
         * leaves one behind. A caller that stops its processes in a particular order itself turns
         * this off: shutdown hooks run concurrently.
         */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        public KafkaBroker build() {
            return new KafkaBroker(this);
        }
    }
}
