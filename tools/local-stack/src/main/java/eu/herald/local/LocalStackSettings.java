package eu.herald.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the local stack keeps its data and which ports it uses.
 *
 * @param home the one folder with every piece of state: {@code postgres/}, {@code kafka/},
 *     {@code logs/}
 * @param externalPostgresUrl a JDBC URL of an existing server's admin database to use instead of
 *     the embedded PostgreSQL, or {@code null}
 * @param mailboxJar GreenMail standalone, run as its own process; {@code null} when the services
 *     send to another SMTP server already listening on {@code smtpPort} (a benchmark's sink)
 * @param kafkaJvmOptions the Kafka broker's JVM options, heap and collector included; empty for the small
 *     broker of a developer's machine ({@link eu.herald.testsupport.KafkaBroker.Builder#jvmOptions})
 */
public record LocalStackSettings(
        Path home,
        @Nullable String externalPostgresUrl,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int smtpPort,
        int imapPort,
        int mailboxApiPort,
        @Nullable Path mailboxJar,
        List<HeraldService> services,
        List<String> kafkaJvmOptions) {

    /** The services in the order of the notification path. */
    public static final List<String> SERVICE_NAMES = List.of("catalogue", "subscriptions", "notifications");
    /** The developer's port of the first service; the others follow in the order of {@link #SERVICE_NAMES}. */
    static final int FIRST_SERVICE_PORT = 8081;

    public LocalStackSettings {
        home = home.toAbsolutePath().normalize();
        services = List.copyOf(services);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
    }

    /**
     * What {@code ./herald-local} runs: the documented ports (the web application 8080, services 8081-8083, the
     * authorization server 9000, Kafka 9092, PostgreSQL 15432, SMTP 3025, mailbox API 8025) and the data in
     * {@code .herald/} of the repository.
     */
    public static LocalStackSettings forDevelopers(Path repository, @Nullable String externalPostgresUrl) {
        List<HeraldService> services = new ArrayList<>();
        for (int i = 0; i < SERVICE_NAMES.size(); i++) {
            String name = SERVICE_NAMES.get(i);
            services.add(
                    HeraldService.fromJar(name, FIRST_SERVICE_PORT + i, HeraldService.packagedJar(repository, name)));
        }
        services.add(LocalAuthorization.service(repository, LocalAuthorization.DEFAULT_PORT));
        services.add(LocalWeb.service(repository, LocalWeb.DEFAULT_PORT));
        return new LocalStackSettings(
                repository.resolve(".herald"),
                externalPostgresUrl,
                15432,
                9092,
                9093,
                3025,
                3143,
                8025,
                bundledMailboxJar(),
                services,
                List.of());
    }

    /**
     * Free ports and the given folder, for tests: they must never collide with a developer's
     * running stack. The services are the repository's packaged jars, the web application's among them.
     */
    public static LocalStackSettings onFreePorts(Path home, Path repository) {
        int[] ports = freePorts(6 + SERVICE_NAMES.size() + 2);
        List<HeraldService> services = new ArrayList<>();
        for (int i = 0; i < SERVICE_NAMES.size(); i++) {
            String name = SERVICE_NAMES.get(i);
            services.add(HeraldService.fromJar(name, ports[6 + i], HeraldService.packagedJar(repository, name)));
        }
        services.add(LocalAuthorization.service(repository, ports[6 + SERVICE_NAMES.size()]));
        services.add(LocalWeb.service(repository, ports[6 + SERVICE_NAMES.size() + 1]));
        return new LocalStackSettings(
                home,
                null,
                ports[0],
                ports[1],
                ports[2],
                ports[3],
                ports[4],
                ports[5],
                bundledMailboxJar(),
                services,
                List.of());
    }

    /** The same stack without the web application, for a test or a benchmark that only calls the APIs. */
    public LocalStackSettings withoutWeb() {
        return withServices(
                services.stream().filter(service -> !LocalWeb.isWeb(service)).toList());
    }

    public LocalStackSettings withServices(List<HeraldService> services) {
        return new LocalStackSettings(
                home,
                externalPostgresUrl,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                smtpPort,
                imapPort,
                mailboxApiPort,
                mailboxJar,
                services,
                kafkaJvmOptions);
    }

    /** No mailbox: the services send their email to the SMTP server listening on this port. */
    public LocalStackSettings withMailServer(int port) {
        return new LocalStackSettings(
                home,
                externalPostgresUrl,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                port,
                imapPort,
                mailboxApiPort,
                null,
                services,
                kafkaJvmOptions);
    }

    /** The same stack with a broker run with these JVM options, for example as an operator runs Kafka. */
    public LocalStackSettings withKafkaJvmOptions(List<String> options) {
        return new LocalStackSettings(
                home,
                externalPostgresUrl,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                smtpPort,
                imapPort,
                mailboxApiPort,
                mailboxJar,
                services,
                options);
    }

    public HeraldService service(String name) {
        return services.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public Path logs() {
        return home.resolve("logs");
    }

    /**
     * The build copies GreenMail standalone next to this module's classes ({@code target/mailbox/}),
     * which is the same folder whether this runs from {@code target/classes} or from
     * {@code target/local-stack.jar}.
     */
    static Path bundledMailboxJar() {
        try {
            Path classes = Path.of(LocalStackSettings.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return classes.getParent().resolve("mailbox").resolve("greenmail-standalone.jar");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the local-stack module", e);
        }
    }

    /** Distinct free ports: all sockets are open at once, so no port is handed out twice. */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }
}
