package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.herald.testsupport.JavaClasspath;
import eu.herald.testsupport.TopicRecords;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestration itself, with stand-ins for the services so that it is tested before (and
 * independently of) the real ones.
 */
class LocalStackIntegrationTests {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("herald.repository", "../..")).toAbsolutePath();

    /** Every key and secret the stack keeps in its data folder. */
    private static final List<String> SECRET_FILES = List.of(
            "link-secret",
            "webhook-master-key",
            "vapid.properties",
            "authorization/signing-key.pem",
            "authorization/client-secrets.properties",
            "authorization/user-passwords.properties");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsEverythingWiresTheServicesAndKeepsTheDataForTheNextRun(@TempDir Path home) throws Exception {
        LocalStackSettings settings = withStandIns(LocalStackSettings.onFreePorts(home, REPOSITORY), false);

        try (LocalStack stack = new LocalStack(settings)) {
            stack.start();

            HeraldService catalogue = stack.service("catalogue");
            assertThat(get(catalogue.url().resolve("/environment")))
                    .contains("SPRING_PROFILES_ACTIVE=demo")
                    .contains("SERVER_PORT=" + catalogue.port())
                    .contains("database=catalogue")
                    .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers())
                    .contains("SPRING_MAIL_PORT=" + settings.smtpPort());
            assertThat(get(stack.service("notifications").url().resolve("/environment")))
                    .contains("database=notifications");
            HeraldService authorization = stack.service("authorization-server");
            String issuer = "http://localhost:" + authorization.port();
            assertThat(get(catalogue.url().resolve("/environment")))
                    .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI=" + issuer)
                    .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI=" + issuer + "/oauth2/jwks");
            assertThat(get(authorization.url().resolve("/environment")))
                    .contains("HERALD_AUTHORIZATION_ISSUER=" + issuer)
                    .contains("HERALD_AUTHORIZATION_SECRETS=" + home.resolve("authorization"))
                    .doesNotContain("database=");
            assertThat(home.resolve("authorization").resolve("signing-key.pem")).exists();
            assertThat(stack.clientSecret("herald-operator")).hasSizeGreaterThan(30);
            HeraldService web = stack.service("web");
            assertThat(get(authorization.url().resolve("/environment")))
                    .contains("HERALD_AUTHORIZATION_WEB_BASEURL=" + web.url());
            assertThat(get(web.url().resolve("/environment")))
                    .contains("SERVER_PORT=" + web.port())
                    .contains("HERALD_WEB_ISSUER=" + issuer)
                    .contains("HERALD_WEB_CLIENT_ID=herald-web")
                    .contains("HERALD_WEB_CLIENT_SECRET=" + stack.clientSecret("herald-web"))
                    .contains("HERALD_WEB_CATALOGUE_URL=" + catalogue.url())
                    .contains("HERALD_WEB_SUBSCRIPTIONS_URL="
                            + stack.service("subscriptions").url())
                    .contains("HERALD_WEB_NOTIFICATIONS_URL="
                            + stack.service("notifications").url())
                    .doesNotContain("database=")
                    .doesNotContain("SPRING_KAFKA")
                    .doesNotContain("SPRING_DATASOURCE");
            assertThat(HeraldLocal.readyMessage(stack, home, List.of()))
                    .startsWith("\n  Herald         " + web.url() + "   sign in as:\n")
                    .contains("plock     " + stack.userPassword("plock"))
                    .contains("fundao    " + stack.userPassword("fundao"))
                    .contains("    durability: synchronous_commit=on, fsync=on\n");
            assertThat(stack.userPassword("operator")).matches("[a-z]+-[a-z]+-[a-z]+-[0-9]{4}");
            HeraldService subscriptions = stack.service("subscriptions");
            assertThat(get(subscriptions.url().resolve("/environment")))
                    .contains("HERALD_SUBSCRIPTIONS_UNSUBSCRIBE_SECRET=" + linkSecret(home))
                    .contains("HERALD_SUBSCRIPTIONS_UNSUBSCRIBE_BASEURL=" + subscriptions.url());
            assertSecretsArePrivate(home);
            assertThatThrownBy(() -> new LocalStack(settings).start()).hasMessageContaining("already running");

            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("subscriptions"))) {
                connection.createStatement().execute("create table municipality (name text)");
                connection.createStatement().execute("insert into municipality values ('Miasto Płock')");
            }
            TopicRecords.send(stack.kafkaBootstrapServers(), "catalogue.session-changes.v1", "5f0c6a52", "rescheduled");
            send(settings.smtpPort(), "powiadomienia@plock.example");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(stack.mailbox().messagesTo("powiadomienia@plock.example"))
                            .hasSize(1));
            assertThat(stack.mailbox().recipients()).containsExactly("powiadomienia@plock.example");
            assertThat(stack.mailbox().messagesTo("notificacoes@guimaraes.example"))
                    .isEmpty();
        }

        assertThat(settings.logs().resolve("catalogue.log")).content().contains("stand-in: stopping gracefully");
        assertThat(accepts(settings.kafkaPort())).isFalse();
        assertThat(accepts(settings.postgresPort())).isFalse();
        assertThat(accepts(settings.smtpPort())).isFalse();
        String linkSecret = linkSecret(home);
        // as earlier versions left vapid.properties, or a user's copy of the folder
        for (String file : SECRET_FILES) {
            Files.setPosixFilePermissions(home.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (LocalStack stack = new LocalStack(settings)) {
            stack.start();

            // a link mailed before the restart is signed with the key subscriptions gets again
            assertThat(get(stack.service("subscriptions").url().resolve("/environment")))
                    .contains("HERALD_SUBSCRIPTIONS_UNSUBSCRIBE_SECRET=" + linkSecret);
            assertSecretsArePrivate(home);

            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("subscriptions"));
                    ResultSet rows = connection.createStatement().executeQuery("select name from municipality")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Miasto Płock");
            }
            assertThat(TopicRecords.valuesFromStart(
                            stack.kafkaBootstrapServers(), "catalogue.session-changes.v1", Duration.ofSeconds(60)))
                    .containsExactly("rescheduled");
        }
    }

    @Test
    void stopsWhatItStartedWhenAServiceFailsToStart(@TempDir Path home) {
        LocalStackSettings settings = withStandIns(LocalStackSettings.onFreePorts(home, REPOSITORY), true);

        assertThatThrownBy(() -> new LocalStack(settings).start())
                .hasMessageContaining("did not start")
                .hasMessageContaining("failing at startup as asked");

        assertThat(accepts(settings.kafkaPort())).isFalse();
        assertThat(accepts(settings.postgresPort())).isFalse();
        assertThat(accepts(settings.mailboxApiPort())).isFalse();
        assertThat(accepts(settings.service("catalogue").port())).isFalse();
    }

    @Test
    void refusesToStartWhenAServiceIsNotBuilt(@TempDir Path home) {
        LocalStackSettings settings = LocalStackSettings.onFreePorts(home, home.resolve("no-repository"));

        assertThatThrownBy(() -> new LocalStack(settings).start())
                .hasMessageContaining("catalogue is not built")
                .hasMessageContaining("./mvnw");
    }

    /** The real services' ports and environment, launched as stand-ins; the last one fails if asked. */
    private static LocalStackSettings withStandIns(LocalStackSettings settings, boolean lastFails) {
        String classpath = JavaClasspath.asArgument(JavaClasspath.ofThisJvm());
        List<HeraldService> standIns = new ArrayList<>();
        for (HeraldService service : settings.services()) {
            boolean fails = lastFails && standIns.size() == settings.services().size() - 1;
            standIns.add(new HeraldService(
                    service.name(),
                    service.port(),
                    List.of("-Dstand-in.fail=" + fails, "-cp", classpath, StandInService.class.getName())));
        }
        return settings.withServices(standIns);
    }

    private static void assertSecretsArePrivate(Path home) throws Exception {
        for (String file : SECRET_FILES) {
            assertThat(PrivateFilesTests.permissions(home.resolve(file)))
                    .as(file)
                    .isEqualTo("rw-------");
        }
    }

    private static String linkSecret(Path home) throws IOException {
        String secret = Files.readString(home.resolve(LocalLinks.SECRET_FILE));
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        return secret;
    }

    private String get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void send(int smtpPort, String recipient) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("herald@herald.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("Sesja przeniesiona");
        message.setText("17:00");
        Transport.send(message);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
