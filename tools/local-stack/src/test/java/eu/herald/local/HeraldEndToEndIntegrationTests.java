package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.testsupport.WebhookReceiver;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole notification path across the three services, as a user runs them: the same packaged
 * jars, separate processes, a real Kafka broker, PostgreSQL and SMTP server, on free ports and with
 * its data in {@code target/end-to-end/} so that it never meets a developer's running stack.
 */
// each test changes the seeded session; the email test counts every outcome about it, so it goes first
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeraldEndToEndIntegrationTests {

    private static final Path REPOSITORY = Path.of(System.getProperty("herald.repository", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final String NETWORKING_SESSION = SeededSession.ID;
    private static final String OUTCOMES = "notifications.delivery-outcomes.v1";
    private static final String PLOCK = "6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b";
    private static final String LUBLIN = "40120a76-e603-4d24-beb1-b0fb909e4e3e";
    private static final String FUNDAO = "d9756d35-e7f4-4bc4-b64e-7fb67058f558";
    private static final String PLOCK_EMAIL = "9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";
    private static final String LUBLIN_EMAIL = "ce5a12fa-a9d2-4a6c-8371-4cef4e78a50d";
    /** The seeded municipalities subscribed to territorial cohesion, the networking session's theme. */
    private static final Map<String, String> FOLLOWERS_OF_TERRITORIAL_COHESION = Map.of(
            PLOCK,
            "powiadomienia@plock.example",
            LUBLIN,
            "powiadomienia@lublin.example",
            FUNDAO,
            "notificacoes@fundao.example");
    /** Follows green transition only. */
    private static final String GUIMARAES = "notificacoes@guimaraes.example";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Kept after the run (unlike a temporary folder): the services' logs are where a failure is explained. */
    private static final Path HOME = Path.of("target", "end-to-end").toAbsolutePath();

    private static LocalStack herald;

    @BeforeAll
    static void startHerald() throws IOException {
        TestFolders.deleteRecursively(HOME);
        LocalStackSettings settings = LocalStackSettings.onFreePorts(HOME, REPOSITORY);
        // the web application runs along once the repository has its module (and the reactor builds its jar)
        herald = new LocalStack(
                Files.exists(REPOSITORY.resolve("services/web/pom.xml")) ? settings : settings.withoutWeb());
        herald.start();
        SeededEventCoalescing.turnOff(herald);
    }

    @AfterAll
    static void stopHerald() {
        if (herald != null) {
            herald.stop();
        }
    }

    @Test
    @Order(1)
    void reschedulingTheNetworkingSessionEmailsEachMunicipalityFollowingTerritorialCohesionOnce() throws Exception {
        try (KafkaConsumer<String, String> outcomes = outcomeConsumer()) {
            outcomes.subscribe(List.of(OUTCOMES));
            URI session = herald.service("catalogue").url().resolve("/api/sessions/" + NETWORKING_SESSION);
            HttpResponse<String> seeded =
                    HTTP.send(HttpRequest.newBuilder(session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
            JsonNode before = JSON.readTree(seeded.body());
            assertThat(before.path("start").asString()).startsWith("2022-10-11T16:30");

            HttpRequest revision = revision(
                    session, before, seeded.headers().firstValue("ETag").orElse("*"));
            HttpResponse<String> anonymous = HTTP.send(revision, HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);

            HttpResponse<String> revised = HTTP.send(
                    HttpRequest.newBuilder(revision, (name, value) -> true)
                            .header("Authorization", "Bearer " + herald.accessToken("herald-operator"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
            assertThat(JSON.readTree(revised.body()).path("start").asString()).startsWith("2022-10-11T17:00");

            // every delivery has an outcome once it is sent: three mean the pipeline has done its work
            List<JsonNode> delivered = new ArrayList<>();
            await().atMost(Duration.ofMinutes(2)).pollInSameThread().untilAsserted(() -> {
                outcomes.poll(Duration.ofMillis(500)).forEach(record -> {
                    JsonNode outcome = JSON.readTree(record.value());
                    if (NETWORKING_SESSION.equals(outcome.path("sessionId").asString())) {
                        delivered.add(outcome);
                    }
                });
                assertThat(delivered).hasSizeGreaterThanOrEqualTo(3);
            });
            assertThat(delivered)
                    .extracting(outcome -> outcome.path("municipalityId").asString())
                    .containsExactlyInAnyOrderElementsOf(FOLLOWERS_OF_TERRITORIAL_COHESION.keySet());
            assertThat(delivered)
                    .extracting(outcome -> outcome.path("status").asString())
                    .containsOnly("SENT");

            Mailbox mailbox = herald.mailbox();
            // stays so for a few seconds: a duplicate would arrive right behind the first
            await().atMost(Duration.ofSeconds(30))
                    .during(Duration.ofSeconds(3))
                    .until(() -> mailbox.recipients().stream()
                                    .mapToInt(address ->
                                            mailbox.messagesTo(address).size())
                                    .sum()
                            == 3);
            for (String address : FOLLOWERS_OF_TERRITORIAL_COHESION.values()) {
                assertThat(mailbox.messagesTo(address)).as(address).hasSize(1);
            }
            assertThat(mailbox.messagesTo(GUIMARAES)).isEmpty();
            // each in the municipality's language, Fundão's in Portuguese
            assertThat(mime(mailbox.messagesTo(FOLLOWERS_OF_TERRITORIAL_COHESION.get(FUNDAO))
                                    .get(0))
                            .getSubject())
                    .isEqualTo(
                            "Sessão reagendada: Trabalho em rede de cidades e municípios como forma de transferir conhecimento e inovação");
        }
    }

    @Test
    @Order(2)
    void theMailedInvitationAndTheFeedShowTheSessionAsOneCalendarEntry() throws Exception {
        // the first test moved the session to version 2 and mailed Płock about it, in Polish
        Calendar mailed = calendarOf(herald.mailbox()
                .messagesTo(FOLLOWERS_OF_TERRITORIAL_COHESION.get(PLOCK))
                .get(0));
        HttpResponse<String> feed = HTTP.send(
                HttpRequest.newBuilder(herald.service("catalogue")
                                .url()
                                .resolve("/api/sessions/" + NETWORKING_SESSION + "/calendar.ics?lang=pl"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        Calendar subscribed = new CalendarBuilder().build(new StringReader(feed.body()));

        assertThat(property(mailed, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(property(subscribed, Property.METHOD)).isEqualTo("PUBLISH");
        VEvent invitation = event(mailed);
        VEvent entry = event(subscribed);
        assertThat(value(invitation, Property.UID)).isEqualTo(NETWORKING_SESSION + "@herald");
        assertThat(value(invitation, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(invitation, Property.SUMMARY))
                .isEqualTo("Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji");
        assertThat(line(invitation, Property.DTSTART)).isEqualTo("DTSTART;TZID=Europe/Warsaw:20221011T170000");
        for (String name : List.of(Property.UID, Property.SEQUENCE, Property.SUMMARY)) {
            assertThat(value(entry, name)).as(name).isEqualTo(value(invitation, name));
        }
        for (String name : List.of(Property.DTSTART, Property.DTEND)) {
            assertThat(line(entry, name)).as(name).isEqualTo(line(invitation, name));
        }
        List<String> zones = timeZones(mailed);
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0)).contains("TZID:Europe/Warsaw");
        assertThat(timeZones(subscribed)).isEqualTo(zones);
    }

    @Test
    @Order(3)
    void aWebhookThatAnswersGoneIsSignedByTheSecretItWasShownAndThenDisabled() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer("/gone", WebhookReceiver.status(410));
            URI subscriptions = herald.service("subscriptions").url();
            // the admin onboards the municipality and sets it up (no client carries its id yet)
            String admin = herald.accessToken("herald-admin");
            String municipality = created(post(
                            subscriptions.resolve("/api/municipalities"),
                            admin,
                            Map.of(
                                    "name", "Gmina Webhook",
                                    "country", "PL",
                                    "language", "pl",
                                    "timeZone", "Europe/Warsaw")))
                    .path("id")
                    .asString();
            JsonNode endpoint = created(post(
                    subscriptions.resolve("/api/municipalities/" + municipality + "/endpoints"),
                    admin,
                    Map.of("channel", "WEBHOOK", "url", receiver.url("/gone").toString())));
            created(post(
                    subscriptions.resolve("/api/municipalities/" + municipality + "/subscriptions"),
                    admin,
                    Map.of("selector", Map.of("type", "SESSION", "value", NETWORKING_SESSION))));

            URI session = herald.service("catalogue").url().resolve("/api/sessions/" + NETWORKING_SESSION);
            HttpResponse<String> current =
                    HTTP.send(HttpRequest.newBuilder(session).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> revised = HTTP.send(
                    HttpRequest.newBuilder(
                                    revision(
                                            session,
                                            JSON.readTree(current.body()),
                                            current.headers().firstValue("ETag").orElse("*"),
                                            "2022-10-11T17:30",
                                            "2022-10-11T19:00"),
                                    (name, value) -> true)
                            .header("Authorization", "Bearer " + herald.accessToken("herald-operator"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);

            await().atMost(Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(receiver.received("/gone")).hasSize(1));
            WebhookReceiver.Received delivered = receiver.received("/gone").get(0);
            // the notifications service derived the secret the subscriptions service showed: one master key
            assertThat(WebhookReceiver.verify(delivered, endpoint.path("secret").asString(), delivered.at()))
                    .isNull();
            assertThat(JSON.readTree(delivered.body())
                            .path("data")
                            .path("local")
                            .path("start")
                            .asString())
                    .isEqualTo("2022-10-11T17:30:00+02:00");

            URI endpointUrl = subscriptions.resolve("/api/municipalities/" + municipality + "/endpoints/"
                    + endpoint.path("id").asString());
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                JsonNode disabled =
                        JSON.readTree(HTTP.send(authorized(endpointUrl, admin), HttpResponse.BodyHandlers.ofString())
                                .body());
                assertThat(disabled.path("status").asString()).isEqualTo("DISABLED");
                assertThat(disabled.path("statusReason").asString()).contains("410");
            });
            JsonNode deliveries = JSON.readTree(HTTP.send(
                            authorized(URI.create(endpointUrl + "/deliveries"), admin),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(deliveries.path("items").get(0).path("responseStatus").asInt())
                    .isEqualTo(410);
            assertThat(receiver.received("/gone")).hasSize(1);
        }
    }

    @Test
    @Order(4)
    void aMunicipalitysClientSeesItsOwnMunicipalityAndNoOtherOne() throws Exception {
        URI subscriptions = herald.service("subscriptions").url();
        URI plock = subscriptions.resolve("/api/municipalities/" + PLOCK);
        URI lublin = subscriptions.resolve("/api/municipalities/" + LUBLIN);
        String plocksToken = herald.accessToken("plock");

        HttpResponse<String> own = HTTP.send(authorized(plock, plocksToken), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = HTTP.send(authorized(lublin, plocksToken), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous =
                HTTP.send(HttpRequest.newBuilder(plock).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).path("name").asString()).isEqualTo("Miasto Płock");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Lublin");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void erasingAMunicipalityInSubscriptionsAnonymisesItsDeliveriesInNotifications() throws Exception {
        URI lublin = herald.service("subscriptions").url().resolve("/api/municipalities/" + LUBLIN);
        // the first test emailed Lublin: notifications holds its address
        assertThat(addressesOfTheEndpoint(LUBLIN_EMAIL)).contains("powiadomienia@lublin.example");

        HttpResponse<String> erased = HTTP.send(
                HttpRequest.newBuilder(lublin)
                        .header("Authorization", "Bearer " + herald.accessToken("lublin"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(erased.statusCode()).as(erased.body()).isBetween(200, 204);
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(addressesOfTheEndpoint(LUBLIN_EMAIL))
                        .isNotEmpty()
                        .containsOnlyNulls());
        assertThat(HTTP.send(
                                authorized(lublin, herald.accessToken("herald-admin")),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
        // Płock, erased by nobody, keeps its delivery log
        assertThat(addressesOfTheEndpoint(PLOCK_EMAIL)).contains("powiadomienia@plock.example");
    }

    @Test
    @Order(6)
    void anUnsubscribeLinkMailedBeforeARestartStillUnsubscribesAfterIt() throws Exception {
        // the first test emailed Płock; the mailbox forgets its mail when it restarts, the recipient does not
        URI link = unsubscribeLink(
                herald.mailbox().messagesTo("powiadomienia@plock.example").get(0));
        assertThat(HTTP.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);

        LocalStackSettings settings = herald.settings();
        herald.stop();
        herald = new LocalStack(settings);
        herald.start();

        // as a mail client sends it (RFC 8058)
        HttpResponse<String> unsubscribed = HTTP.send(
                HttpRequest.newBuilder(link)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
        // in Płock's language, as its mail was
        assertThat(unsubscribed.body()).contains("Adres powiadomienia@plock.example nie otrzymuje już powiadomień");
    }

    private static MimeMessage mime(Mailbox.ReceivedMail mail) throws MessagingException {
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(mail.mime().getBytes(StandardCharsets.UTF_8)));
    }

    /** The https or http target of the message's {@code List-Unsubscribe}, the one-click link. */
    private static URI unsubscribeLink(Mailbox.ReceivedMail mail) throws MessagingException {
        MimeMessage message = mime(mail);
        String header = MimeUtility.unfold(message.getHeader("List-Unsubscribe", null));
        Matcher link = Pattern.compile("<(https?://[^>]+)>").matcher(header);
        assertThat(link.find()).as(header).isTrue();
        return URI.create(link.group(1));
    }

    /** The calendar part of a mail, parsed. */
    private static Calendar calendarOf(Mailbox.ReceivedMail mail) throws Exception {
        MimeMessage message = mime(mail);
        Part part = calendarPart(message);
        assertThat(part).as("a text/calendar part in " + mail.subject()).isNotNull();
        try (InputStream content = part.getInputStream()) {
            return new CalendarBuilder().build(new InputStreamReader(content, StandardCharsets.UTF_8));
        }
    }

    private static @Nullable Part calendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return part;
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                Part found = calendarPart(parts.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    }

    private static List<String> timeZones(Calendar calendar) {
        return calendar.getComponents(Component.VTIMEZONE).stream()
                .map(Object::toString)
                .toList();
    }

    private static String property(Calendar calendar, String name) {
        return calendar.getProperty(name)
                .map(Property.class::cast)
                .map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + name + " in the calendar"));
    }

    private static String value(Component component, String name) {
        return component
                .getProperty(name)
                .map(Property.class::cast)
                .map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + name + " in " + component.getName()));
    }

    /** The property with its parameters (a TZID), as one unfolded content line. */
    private static String line(Component component, String name) {
        return component
                .getProperty(name)
                .map(Object::toString)
                .map(String::strip)
                .orElseThrow(() -> new AssertionError("no " + name + " in " + component.getName()));
    }

    /** The address of every delivery to the endpoint, as the notifications service's own database holds it. */
    private static List<String> addressesOfTheEndpoint(String endpoint) throws SQLException {
        List<String> addresses = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(herald.jdbcUrl("notifications"));
                PreparedStatement select =
                        connection.prepareStatement("select address from delivery where endpoint_id = ?::uuid")) {
            select.setString(1, endpoint);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    addresses.add(rows.getString(1));
                }
            }
        }
        return addresses;
    }

    private static HttpRequest authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private static HttpRequest post(URI uri, String token, Object body) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
    }

    private static JsonNode created(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** The seeded session's own details with the new time, so that only the time changes. */
    private static HttpRequest revision(URI session, JsonNode before, String version) {
        return revision(session, before, version, "2022-10-11T17:00", "2022-10-11T18:30");
    }

    private static HttpRequest revision(URI session, JsonNode before, String version, String start, String end) {
        ObjectNode details = SeededSession.rescheduled(before, start, end);
        return HttpRequest.newBuilder(session)
                .header("Content-Type", "application/json")
                .header("If-Match", version)
                .PUT(HttpRequest.BodyPublishers.ofString(details.toString()))
                .build();
    }

    private static KafkaConsumer<String, String> outcomeConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                herald.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "end-to-end-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
    }
}
