package eu.herald.notifications.webhook;

import static eu.herald.notifications.SeedRequests.LINK;
import static eu.herald.notifications.SeedRequests.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.egress.AddressGuard;
import eu.herald.egress.WebhookSecrets;
import eu.herald.egress.WebhookSender;
import eu.herald.notifications.SeedDigests;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.testsupport.ContractSchemas;
import eu.herald.testsupport.WebhookReceiver;
import eu.herald.testsupport.WebhookReceiver.Received;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders and daily digests posted by the webhook notifier to a real HTTP receiver, which verifies their
 * signatures as a municipality's system would.
 */
class WebhookRemindersAndDigestsIntegrationTests {

    static final String DIGESTS = "webhooks.session-digest.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MASTER_KEY = "the webhook master key of the reminder tests";
    private static final Instant NOW = Instant.parse("2022-10-11T14:00:00Z");

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final WebhookSender sender = new WebhookSender(
            AddressGuard.allowing(List.of("127.0.0.1/32")),
            new WebhookSender.Settings(true, Duration.ofSeconds(15), 1, 1));
    private final WebhookNotifier notifier = new WebhookNotifier(
            sender,
            new WebhookSecrets(MASTER_KEY),
            new SessionChangeEvents(JSON),
            new WebhookProperties(
                    MASTER_KEY,
                    true,
                    List.of("127.0.0.1/32"),
                    List.of(Duration.ofSeconds(5)),
                    Duration.ofSeconds(15),
                    1,
                    1,
                    1,
                    null),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() throws IOException {
        receiver.close();
        sender.close();
    }

    @Test
    void postsADigestAsOneSignedEventWithEveryChangeThatConformsToItsContract() {
        Endpoint endpoint = SeedRequests.webhook(receiver.url("/digest"));
        Digest digest = SeedDigests.digest(SeedRequests.plock());
        DeliveryId delivery = DeliveryId.digest(endpoint.id(), digest.at());

        assertThat(notifier.sendDigest(delivery, digest, endpoint)).isInstanceOf(Delivered.class);

        Received request = only("/digest");
        assertThat(WebhookReceiver.verify(request, secret(endpoint), NOW)).isNull();
        assertThat(request.header("webhook-id")).isEqualTo(delivery.toString());
        ContractSchemas.assertConforms(DIGESTS, request.text());
        JsonNode event = JSON.readTree(request.body());
        assertThat(event.get("type").asString()).isEqualTo("eu.herald.session.digest.v1");
        assertThat(event.get("id").asString()).isEqualTo(delivery.toString());
        assertThat(event.get("subject").asString())
                .isEqualTo(digest.recipient().municipalityId().toString());
        assertThat(event.get("time").asString()).isEqualTo("2022-10-06T06:00:00Z");
        JsonNode data = event.get("data");
        assertThat(data.get("digestAt").asString()).isEqualTo("2022-10-06T06:00:00Z");
        assertThat(data.get("changes")
                        .valueStream()
                        .map(change -> change.get("session").get("id").asString()))
                .containsExactly(
                        SeedDigests.OPENING.toString(),
                        SESSION.toString(),
                        SeedDigests.YOUTH.toString(),
                        SeedDigests.WEBINAR.toString());
        JsonNode rescheduled = data.get("changes").get(1);
        assertThat(rescheduled.get("kind").asString()).isEqualTo("RESCHEDULED");
        assertThat(rescheduled.get("municipality").get("name").asString()).isEqualTo("Miasto Płock");
        assertThat(rescheduled.get("previous").get("start").asString()).isEqualTo("2022-10-11T16:30:00");
        assertThat(rescheduled.get("local").get("text").asString())
                .isEqualTo("wtorek, 11 października 2022, 17:00–18:30 CEST");
        assertThat(rescheduled.get("previousLocal").get("start").asString()).isEqualTo("2022-10-11T16:30:00+02:00");
    }

    @Test
    void postsAReminderWithTheSessionItsStartAndTheLead() {
        Endpoint endpoint = SeedRequests.webhook(receiver.url("/reminder"));
        NotificationRequest request =
                SeedRequests.rescheduled(SeedRequests.newChange(), SeedRequests.fundao(), endpoint);
        Duration lead = Duration.ofHours(1);
        DeliveryId delivery = DeliveryId.reminder(request.change().id(), endpoint.id(), lead);

        assertThat(notifier.remind(delivery, request, endpoint, lead)).isInstanceOf(Delivered.class);

        Received received = only("/reminder");
        assertThat(WebhookReceiver.verify(received, secret(endpoint), NOW)).isNull();
        assertThat(received.header("webhook-id")).isEqualTo(delivery.toString());
        JsonNode event = JSON.readTree(received.body());
        assertThat(event.get("type").asString()).isEqualTo("eu.herald.session.reminder.v1");
        assertThat(event.get("subject").asString()).isEqualTo(SESSION.toString());
        assertThat(event.get("time").asString()).isEqualTo("2022-10-11T14:00:00Z");
        JsonNode data = event.get("data");
        assertThat(data.get("lead").asString()).isEqualTo("PT1H");
        assertThat(data.get("startsAt").asString()).isEqualTo("2022-10-11T15:00:00Z");
        assertThat(data.get("session").get("joinLink").asString()).isEqualTo(LINK);
        assertThat(data.get("session").get("version").asInt()).isEqualTo(2);
        assertThat(data.get("municipality").get("language").asString()).isEqualTo("pt");
        assertThat(data.get("local").get("start").asString()).isEqualTo("2022-10-11T16:00:00+01:00");
        assertThat(data.get("local").get("text").asString())
                .isEqualTo("terça-feira, 11 de outubro de 2022, 16:00–17:30 WEST");
    }

    @Test
    void postsTheSameBodyOnEveryAttemptOfOneReminder() {
        Endpoint endpoint = SeedRequests.webhook(receiver.url("/again"));
        NotificationRequest request = SeedRequests.published(SeedRequests.newChange(), SeedRequests.plock(), endpoint);
        Duration lead = Duration.ofDays(1);
        DeliveryId delivery = DeliveryId.reminder(request.change().id(), endpoint.id(), lead);

        notifier.remind(delivery, request, endpoint, lead);
        notifier.remind(delivery, request, endpoint, lead);

        List<Received> received = receiver.received("/again");
        assertThat(received).hasSize(2);
        assertThat(received.get(1).text()).isEqualTo(received.get(0).text());
        assertThat(received.get(1).header("webhook-id"))
                .isEqualTo(received.get(0).header("webhook-id"));
    }

    private Received only(String path) {
        assertThat(receiver.received(path)).hasSize(1);
        return receiver.received(path).get(0);
    }

    private static String secret(Endpoint endpoint) {
        return new WebhookSecrets(MASTER_KEY).secret(endpoint.id().value(), 1);
    }
}
