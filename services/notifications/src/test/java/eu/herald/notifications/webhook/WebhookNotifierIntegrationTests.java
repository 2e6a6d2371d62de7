package eu.herald.notifications.webhook;

import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static eu.herald.notifications.TopicReader.header;
import static eu.herald.notifications.TopicReader.value;
import static eu.herald.testsupport.WebhookReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.egress.WebhookSecrets;
import eu.herald.notifications.IntegrationTestSupport;
import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.TopicReader;
import eu.herald.notifications.delivery.Delivery;
import eu.herald.notifications.delivery.DeliveryAttempted;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.testsupport.ContractSchemas;
import eu.herald.testsupport.WebhookReceiver;
import eu.herald.testsupport.WebhookReceiver.Received;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class WebhookNotifierIntegrationTests extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookSecrets SECRETS = new WebhookSecrets(WEBHOOK_MASTER_KEY);

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    JsonMapper applicationJson;

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void postsASignedCloudEventThatTheReceiverVerifies() throws Exception {
        UUID change = UUID.randomUUID();
        Target hook = Target.webhook();

        produceRequest(PLOCK, webhookRequest(change, hook, receiver.url("/herald"), 1, null));

        Received request = awaitOne("/herald");
        DeliveryId delivery = deliveryId(change, hook);
        String secret = SECRETS.secret(hook.endpointId(), 1);
        assertThat(WebhookReceiver.verify(request, secret, request.at())).isNull();
        assertThat(request.header("webhook-id")).isEqualTo(delivery.toString());
        assertThat(request.header("webhook-signature")).startsWith("v1,").doesNotContain(" ");
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isCloseTo(request.at().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(request.header("content-type")).startsWith("application/cloudevents+json");

        JsonNode event = JSON.readTree(request.body());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("id").asString()).isEqualTo(delivery.toString());
        assertThat(event.get("type").asString()).isEqualTo("eu.herald.session.rescheduled.v1");
        assertThat(event.get("source").asString()).isEqualTo("/herald/notifications");
        assertThat(event.get("subject").asString()).isEqualTo("5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11");
        assertThat(event.get("time").asString()).isEqualTo("2022-10-05T09:12:44.512Z");
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        JsonNode data = event.get("data");
        assertThat(data.get("changeId").asString()).isEqualTo(change.toString());
        assertThat(data.get("kind").asString()).isEqualTo("RESCHEDULED");
        assertThat(data.get("municipality").get("id").asString()).isEqualTo(PLOCK);
        assertThat(data.get("session").get("version").asInt()).isEqualTo(2);
        assertThat(data.get("session").get("start").asString()).isEqualTo("2022-10-11T17:00:00");
        assertThat(data.get("session").get("zone").asString()).isEqualTo("Europe/Warsaw");
        assertThat(data.get("changedFields").toString()).isEqualTo("[\"start\",\"end\"]");
        assertThat(data.get("previous").get("start").asString()).isEqualTo("2022-10-11T16:30:00");
        assertThat(data.get("local").get("timeZone").asString()).isEqualTo("Europe/Warsaw");
        assertThat(data.get("local").get("start").asString()).isEqualTo("2022-10-11T17:00:00+02:00");
        assertThat(data.get("local").get("end").asString()).isEqualTo("2022-10-11T18:30:00+02:00");
        assertThat(data.get("local").get("text").asString())
                .isEqualTo("wtorek, 11 października 2022, 17:00–18:30 CEST");
        assertThat(data.get("previousLocal").get("start").asString()).isEqualTo("2022-10-11T16:30:00+02:00");

        awaitStatus(delivery, DeliveryStatus.SENT);
        assertThat(deliveries.attempts(delivery))
                .extracting(DeliveryAttempted::responseStatus)
                .containsExactly(204);
        try (TopicReader outcomes = read(OUTCOMES)) {
            ConsumerRecord<String, byte[]> outcome =
                    outcomes.await(about(delivery), 1).get(0);
            ContractSchemas.assertConforms(OUTCOMES, value(outcome));
            assertThat(JSON.readTree(value(outcome)).get("responseStatus").asInt())
                    .isEqualTo(204);
        }
    }

    @Test
    void writesTheSameBodyAsTheWholeEventWithTheApplicationsMapper() {
        NotificationRequest request = SeedRequests.rescheduled(
                SeedRequests.newChange(), SeedRequests.plock(), SeedRequests.webhook(receiver.url("/same")));
        DeliveryId delivery =
                DeliveryId.of(request.change().id(), request.endpoints().get(0).id());

        byte[] body = new SessionChangeEvents(applicationJson).render(delivery, request);

        assertThat(body).isEqualTo(new WholeEvents(applicationJson).render(delivery, request));
    }

    @Test
    void aReceiverRejectsAStaleTimestampAndAnAlteredBody() {
        UUID change = UUID.randomUUID();
        Target hook = Target.webhook();

        produceRequestUnchecked(webhookRequest(change, hook, receiver.url("/stale"), 1, null));

        Received request = awaitOne("/stale");
        String secret = SECRETS.secret(hook.endpointId(), 1);
        assertThat(WebhookReceiver.verify(request, secret, request.at().plus(Duration.ofMinutes(6))))
                .isEqualTo("webhook-timestamp is too old or too new");
        assertThat(WebhookReceiver.verify(request, secret, request.at().minus(Duration.ofMinutes(6))))
                .isEqualTo("webhook-timestamp is too old or too new");
        byte[] altered = request.text().replace("17:00", "07:00").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(WebhookReceiver.verify(request.withBody(altered), secret, request.at()))
                .isEqualTo("no v1 signature matches");
        assertThat(WebhookReceiver.verify(request, SECRETS.secret(hook.endpointId(), 2), request.at()))
                .isEqualTo("no v1 signature matches");
    }

    @Test
    void signsWithTheOldAndTheNewSecretWhileTheRotationsGracePeriodLasts() {
        Target rotating = Target.webhook();
        Target graceOver = Target.webhook();

        produceRequestUnchecked(webhookRequest(
                UUID.randomUUID(),
                rotating,
                receiver.url("/rotating"),
                2,
                Instant.now().plus(Duration.ofHours(1))));
        produceRequestUnchecked(webhookRequest(
                UUID.randomUUID(),
                graceOver,
                receiver.url("/grace-over"),
                2,
                Instant.now().minus(Duration.ofMinutes(1))));

        Received request = awaitOne("/rotating");
        String newSecret = SECRETS.secret(rotating.endpointId(), 2);
        String oldSecret = SECRETS.secret(rotating.endpointId(), 1);
        // two signatures, each verifying on its own with its own secret: the new one first
        assertThat(WebhookReceiver.verifyEachSignature(request, List.of(newSecret, oldSecret), request.at()))
                .hasSize(2)
                .containsOnlyNulls();
        assertThat(WebhookReceiver.verifyEachSignature(request, List.of(oldSecret, newSecret), request.at()))
                .containsOnly("no v1 signature matches");
        // a receiver still on the old secret, and one already on the new, both accept the whole header
        assertThat(WebhookReceiver.verify(request, oldSecret, request.at())).isNull();
        assertThat(WebhookReceiver.verify(request, newSecret, request.at())).isNull();

        Received after = awaitOne("/grace-over");
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(WebhookReceiver.verify(after, SECRETS.secret(graceOver.endpointId(), 2), after.at()))
                .isNull();
        assertThat(WebhookReceiver.verify(after, SECRETS.secret(graceOver.endpointId(), 1), after.at()))
                .isNotNull();
    }

    @Test
    void doesNotFollowARedirect() {
        UUID change = UUID.randomUUID();
        Target hook = Target.webhook();
        try (WebhookReceiver elsewhere = WebhookReceiver.start()) {
            receiver.answer(
                    "/moved",
                    status(302, "Location", elsewhere.url("/elsewhere").toString()));

            produceRequestUnchecked(webhookRequest(change, hook, receiver.url("/moved"), 1, null));

            DeliveryId delivery = deliveryId(change, hook);
            Delivery failed = awaitStatus(delivery, DeliveryStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("the receiver answered 302; redirects are not followed");
            assertThat(receiver.received("/moved")).hasSize(1);
            assertThat(elsewhere.received()).isEmpty();
            assertThat(deliveries.attempts(delivery))
                    .extracting(DeliveryAttempted::responseStatus)
                    .containsExactly(302);
        }
    }

    @Test
    void comesBackNoSoonerThanRetryAfterSays() {
        UUID change = UUID.randomUUID();
        Target hook = Target.webhook();
        receiver.answer("/busy", status(429, "Retry-After", "3"), status(200));

        produceRequestUnchecked(webhookRequest(change, hook, receiver.url("/busy"), 1, null));

        DeliveryId delivery = deliveryId(change, hook);
        await().untilAsserted(() -> assertThat(deliveries.attempts(delivery)).isNotEmpty());
        DeliveryAttempted throttled = deliveries.attempts(delivery).get(0);
        assertThat(throttled.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(throttled.responseStatus()).isEqualTo(429);
        // the schedule alone would come back after about 200 ms
        assertThat(throttled.nextAttemptAt())
                .isAfterOrEqualTo(throttled.occurredAt().plusSeconds(2));
        awaitStatus(delivery, DeliveryStatus.SENT);
        List<Received> attempts = receiver.received("/busy");
        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(delivery.toString());
        assertThat(deliveries.attempts(delivery))
                .extracting(DeliveryAttempted::responseStatus)
                .containsExactly(429, 200);
    }

    @Test
    void reportsTheEndpointGoneWhenTheReceiverAnswers410() throws Exception {
        UUID change = UUID.randomUUID();
        Target hook = Target.webhook();
        receiver.answer("/gone", status(410));

        produceRequest(PLOCK, webhookRequest(change, hook, receiver.url("/gone"), 1, null));

        DeliveryId delivery = deliveryId(change, hook);
        awaitStatus(delivery, DeliveryStatus.FAILED);
        try (TopicReader outcomes = read(OUTCOMES)) {
            ConsumerRecord<String, byte[]> outcome =
                    outcomes.await(about(delivery), 1).get(0);
            ContractSchemas.assertConforms(OUTCOMES, value(outcome));
            JsonNode json = JSON.readTree(value(outcome));
            assertThat(header(outcome, "ce_type")).isEqualTo("eu.herald.delivery.failed.v1");
            assertThat(json.get("endpointGone").asBoolean()).isTrue();
            assertThat(json.get("responseStatus").asInt()).isEqualTo(410);
            assertThat(json.get("channel").asString()).isEqualTo("WEBHOOK");
        }
        assertThat(receiver.received("/gone")).hasSize(1);
    }

    @Test
    void triesAgainAfterAServerError() {
        UUID change = UUID.randomUUID();
        Target hook = Target.webhook();
        receiver.answer("/flaky", status(500), status(503), status(202));

        produceRequestUnchecked(webhookRequest(change, hook, receiver.url("/flaky"), 1, null));

        DeliveryId delivery = deliveryId(change, hook);
        awaitStatus(delivery, DeliveryStatus.SENT);
        assertThat(deliveries.attempts(delivery))
                .extracting(DeliveryAttempted::status, DeliveryAttempted::responseStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DeliveryStatus.RETRYING, 500),
                        org.assertj.core.groups.Tuple.tuple(DeliveryStatus.RETRYING, 503),
                        org.assertj.core.groups.Tuple.tuple(DeliveryStatus.SENT, 202));
    }

    @Test
    void neverConnectsToAnAddressTheGuardRefuses() {
        UUID change = UUID.randomUUID();
        Target metadata = Target.webhook();
        Target loopbackInDisguise = Target.webhook();
        int port = receiver.url("/").getPort();

        produceRequestUnchecked(
                webhookRequest(change, metadata, URI.create("http://169.254.169.254/latest/meta-data/"), 1, null));
        // 127.0.0.2, spelled as one decimal number: loopback, but outside the tests' allow-list (127.0.0.1/32)
        produceRequestUnchecked(webhookRequest(
                change, loopbackInDisguise, URI.create("http://2130706434:" + port + "/disguised"), 1, null));

        Delivery refused = awaitStatus(deliveryId(change, metadata), DeliveryStatus.FAILED);
        assertThat(refused.reason()).startsWith("refused by the SSRF guard: 169.254.169.254 is a link-local");
        Delivery disguised = awaitStatus(deliveryId(change, loopbackInDisguise), DeliveryStatus.FAILED);
        assertThat(disguised.reason()).startsWith("refused by the SSRF guard: 127.0.0.2 is a loopback");
        assertThat(receiver.received()).isEmpty();
    }

    private static String webhookRequest(
            UUID change, Target hook, URI url, int secretVersion, @Nullable Instant previousSecretUntil) {
        ObjectNode request = rescheduledForPlock(change, hook);
        ObjectNode webhook = (ObjectNode) request.get("endpoints").get(0).get("webhook");
        webhook.put("url", url.toString());
        webhook.put("secretVersion", secretVersion);
        if (previousSecretUntil != null) {
            webhook.put("previousSecretUntil", previousSecretUntil.toString());
        }
        return text(request);
    }

    private void produceRequestUnchecked(String request) {
        try {
            produceRequest(PLOCK, request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Received awaitOne(String path) {
        await().untilAsserted(() -> assertThat(receiver.received(path)).hasSize(1));
        return receiver.received(path).get(0);
    }

    private Delivery awaitStatus(DeliveryId delivery, DeliveryStatus status) {
        await().untilAsserted(() -> assertThat(deliveries.find(delivery))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(status)));
        return deliveries.find(delivery).orElseThrow();
    }

    private static DeliveryId deliveryId(UUID change, Target target) {
        return DeliveryId.of(new ChangeId(change), new EndpointId(target.endpointId()));
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> about(DeliveryId delivery) {
        return record -> header(record, "ce_subject").equals(delivery.toString());
    }
}
