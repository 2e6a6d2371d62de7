package eu.herald.notifications.webpush;

import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static eu.herald.notifications.TopicReader.header;
import static eu.herald.notifications.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.notifications.IntegrationTestSupport;
import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.TopicReader;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.webpush.PushServiceDouble.Answer;
import eu.herald.notifications.webpush.PushServiceDouble.Received;
import eu.herald.testsupport.ContractSchemas;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests with a web push endpoint, from the request topic through the delivery log to a push service over HTTPS
 * that checks the VAPID token and decrypts the message with the subscriber's private key, and back as outcomes.
 */
class WebPushDeliveryIntegrationTests extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PushServiceDouble PUSH = PushServiceDouble.shared();

    @Autowired
    DeliveryLog deliveries;

    @Test
    void deliversTheNotificationEncryptedForTheBrowserInItsLanguageAndRecordsItSent() throws Exception {
        UUID change = UUID.randomUUID();
        Target target = Target.webPush();
        PushSubscriber browser = PUSH.subscribe(TestVapidKeys.shared().publicKey());

        produceRequest(PLOCK, request(change, target, browser));

        DeliveryId delivery = deliveryId(change, target);
        await().untilAsserted(() -> assertThat(deliveries.find(delivery)).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(row.attempts()).isEqualTo(1);
        }));
        assertThat(PUSH.received(browser)).singleElement().satisfies(received -> {
            assertThat(received.problem()).isNull();
            assertThat(received.answered()).isEqualTo(201);
            assertThat(received.notification().get("title").asString())
                    .isEqualTo("Zmiana terminu: " + SeedRequests.TITLE_PL);
            assertThat(received.notification().get("body").asString())
                    .startsWith("Zmienił się termin sesji, którą Państwo obserwują.");
            assertThat(received.notification().get("sessionId").asString())
                    .isEqualTo(SeedRequests.SESSION.value().toString());
            assertThat(received.notification().get("version").asInt()).isEqualTo(2);
            assertThat(received.notification().get("kind").asString()).isEqualTo("RESCHEDULED");
            assertThat(received.topic()).isEqualTo(WebPushNotifier.topic(SeedRequests.SESSION));
            assertThat(received.urgency()).isEqualTo("normal");
        });
        try (TopicReader outcomes = read(OUTCOMES)) {
            ConsumerRecord<String, byte[]> outcome =
                    outcomes.await(about(delivery), 1).get(0);
            assertThat(header(outcome, "ce_type")).isEqualTo("eu.herald.delivery.sent.v1");
            ContractSchemas.assertConforms(OUTCOMES, value(outcome));
            JsonNode json = JSON.readTree(value(outcome));
            assertThat(json.get("channel").asString()).isEqualTo("WEB_PUSH");
            assertThat(json.get("status").asString()).isEqualTo("SENT");
        }
    }

    @Test
    void reportsASubscriptionThePushServiceSaysIsGoneSoThatSubscriptionsDisablesIt() throws Exception {
        UUID change = UUID.randomUUID();
        Target target = Target.webPush();
        PushSubscriber browser = PUSH.subscribe(TestVapidKeys.shared().publicKey());
        PUSH.answer(browser, Answer.status(410));

        produceRequest(PLOCK, request(change, target, browser));

        DeliveryId delivery = deliveryId(change, target);
        try (TopicReader outcomes = read(OUTCOMES)) {
            ConsumerRecord<String, byte[]> outcome =
                    outcomes.await(about(delivery), 1).get(0);
            assertThat(outcome.key()).isEqualTo(PLOCK);
            assertThat(header(outcome, "ce_type")).isEqualTo("eu.herald.delivery.failed.v1");
            ContractSchemas.assertConforms(OUTCOMES, value(outcome));
            JsonNode json = JSON.readTree(value(outcome));
            assertThat(json.get("endpointGone").asBoolean()).isTrue();
            assertThat(json.get("endpointId").asString())
                    .isEqualTo(target.endpointId().toString());
            assertThat(json.get("reason").asString()).contains("410");
        }
        assertThat(deliveries.find(delivery)).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(row.attempts()).isEqualTo(1);
        });
        assertThat(PUSH.received(browser))
                .singleElement()
                .satisfies(received -> assertThat(received.problem()).isNull());
    }

    @Test
    void waitsAsLongAsThePushServiceAsksAfterA429AndThenDelivers() throws Exception {
        UUID change = UUID.randomUUID();
        Target target = Target.webPush();
        PushSubscriber browser = PUSH.subscribe(TestVapidKeys.shared().publicKey());
        // longer than the retries of the test schedule (200 ms first), so only Retry-After explains the wait
        PUSH.answer(browser, Answer.retryAfter(429, "3"));

        produceRequest(PLOCK, request(change, target, browser));

        DeliveryId delivery = deliveryId(change, target);
        await().untilAsserted(() -> assertThat(PUSH.received(browser)).isNotEmpty());
        Received refused = PUSH.received(browser).get(0);
        assertThat(refused.answered()).isEqualTo(429);
        try (TopicReader outcomes = read(OUTCOMES)) {
            ConsumerRecord<String, byte[]> retrying = outcomes.await(
                            record -> about(delivery).test(record)
                                    && header(record, "ce_type").equals("eu.herald.delivery.retrying.v1"),
                            1)
                    .get(0);
            ContractSchemas.assertConforms(OUTCOMES, value(retrying));
            JsonNode json = JSON.readTree(value(retrying));
            assertThat(Instant.parse(json.get("nextAttemptAt").asString()))
                    .isAfterOrEqualTo(refused.at().plusSeconds(3));
        }
        await().untilAsserted(() -> assertThat(deliveries.find(delivery)).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(row.attempts()).isEqualTo(2);
        }));
        List<Received> received = PUSH.received(browser);
        assertThat(received).extracting(Received::answered).containsExactly(429, 201);
        assertThat(received.get(1).problem()).isNull();
        assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    /** Płock's request with one web push endpoint at the push service, about a session two days from now. */
    private static String request(UUID change, Target target, PushSubscriber browser) {
        ObjectNode request = rescheduledForPlock(change, target);
        LocalDateTime start = LocalDateTime.now(SeedRequests.WARSAW).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        ObjectNode session = (ObjectNode) request.get("change").get("session");
        session.put("start", start.toString());
        session.put("end", start.plusMinutes(90).toString());
        ((ObjectNode) request.get("change").get("previous"))
                .put("start", start.minusMinutes(30).toString());
        ((ObjectNode) request.get("endpoints").get(0).get("webPush"))
                .put("endpoint", browser.endpoint().toString())
                .put("p256dh", browser.p256dh())
                .put("auth", browser.auth());
        return text(request);
    }

    private static DeliveryId deliveryId(UUID change, Target target) {
        return DeliveryId.of(new ChangeId(change), new EndpointId(target.endpointId()));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> about(DeliveryId delivery) {
        return record -> header(record, "ce_subject").equals(delivery.toString());
    }
}
