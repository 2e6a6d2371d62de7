package eu.herald.notifications;

import static eu.herald.notifications.RequestJson.FUNDAO;
import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.publishedForFundao;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static eu.herald.notifications.TopicReader.header;
import static eu.herald.notifications.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import eu.herald.testsupport.ContractSchemas;
import eu.herald.testsupport.TestSmtp;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class DispatchIntegrationTests extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DeliveryLog deliveries;

    @Test
    void sendsOneEmailPerEndpointRecordsItAsSentAndPublishesTheOutcome() throws Exception {
        UUID change = UUID.randomUUID();
        Target office = Target.email("plock-office");
        Target mayor = Target.email("plock-mayor");

        produceRequest(PLOCK, text(rescheduledForPlock(change, office, mayor)));

        for (Target target : List.of(office, mayor)) {
            DeliveryId delivery = deliveryId(change, target);
            MimeMessage email = awaitOneEmail(delivery);
            assertThat(recipients(email)).containsExactly(target.address());
            assertThat(email.getSubject()).isEqualTo("Zmiana terminu: " + SeedRequests.TITLE_PL);
            assertThat(email.getFrom()).extracting(Object::toString).containsExactly("Herald <noreply@herald.local>");
            assertThat(TestSmtp.text(email))
                    .contains("Termin: wtorek, 11 października 2022, 17:00–18:30 CEST")
                    .contains("- Początek: wtorek, 11 października 2022, 16:30 CEST → wtorek, 11 października"
                            + " 2022, 17:00 CEST");
            await().untilAsserted(() -> assertThat(deliveries.find(delivery)).hasValueSatisfying(row -> {
                assertThat(row.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.sentAt()).isNotNull();
                assertThat(row.address()).isEqualTo(target.address());
            }));
        }
        try (TopicReader outcomes = read(OUTCOMES)) {
            for (Target target : List.of(office, mayor)) {
                DeliveryId delivery = deliveryId(change, target);
                ConsumerRecord<String, byte[]> outcome =
                        outcomes.await(about(delivery), 1).get(0);
                assertThat(outcome.key()).isEqualTo(PLOCK);
                assertThat(header(outcome, "ce_type")).isEqualTo("eu.herald.delivery.sent.v1");
                assertThat(header(outcome, "ce_specversion")).isEqualTo("1.0");
                assertThat(header(outcome, "ce_source")).isEqualTo("/herald/notifications");
                assertThat(header(outcome, "content-type")).isEqualTo("application/json");
                assertThat(header(outcome, "ce_time")).endsWith("Z");
                ContractSchemas.assertConforms(OUTCOMES, value(outcome));
                JsonNode json = JSON.readTree(value(outcome));
                assertThat(json.get("outcomeId").asString()).isEqualTo(header(outcome, "ce_id"));
                assertThat(json.get("deliveryId").asString()).isEqualTo(delivery.toString());
                assertThat(json.get("changeId").asString()).isEqualTo(change.toString());
                assertThat(json.get("endpointId").asString())
                        .isEqualTo(target.endpointId().toString());
                assertThat(json.get("status").asString()).isEqualTo("SENT");
                assertThat(json.get("attempts").asInt()).isEqualTo(1);
                assertThat(json.get("sessionVersion").asInt()).isEqualTo(2);
                assertThat(json.get("changedAt").asString()).isEqualTo("2022-10-05T09:12:44.512Z");
            }
        }
    }

    @Test
    void writesToEachRecipientInItsLanguageAndTimeZone() throws Exception {
        UUID change = UUID.randomUUID();
        Target fundao = Target.email("fundao");

        produceRequest(FUNDAO, text(publishedForFundao(change, fundao)));

        MimeMessage email = awaitOneEmail(deliveryId(change, fundao));
        assertThat(email.getSubject()).isEqualTo("Nova sessão: " + SeedRequests.TITLE_EN);
        assertThat(TestSmtp.text(email)).contains("Data e hora: terça-feira, 11 de outubro de 2022, 15:30–17:00 WEST");
    }

    @Test
    void sendsNothingMoreWhenTheSameRequestArrivesAgain() throws Exception {
        UUID change = UUID.randomUUID();
        Target office = Target.email("plock-twice");
        String request = text(rescheduledForPlock(change, office));
        UUID later = UUID.randomUUID();
        Target marker = Target.email("plock-marker");

        produceRequest(PLOCK, request);
        awaitOneEmail(deliveryId(change, office));
        produceRequest(PLOCK, request);
        // same key, same partition: once the next request is delivered, the repeated one has been consumed
        produceRequest(PLOCK, text(rescheduledForPlock(later, marker)));
        awaitOneEmail(deliveryId(later, marker));

        assertThat(TestSmtp.withMessageId(messageId(deliveryId(change, office))))
                .hasSize(1);
        try (TopicReader outcomes = read(OUTCOMES)) {
            outcomes.await(about(deliveryId(later, marker)), 1);
            assertThat(outcomes.readNow(about(deliveryId(change, office)))).hasSize(1);
        }
    }

    @Test
    void deadLettersARecordThatIsNotJsonAndKeepsDelivering() throws Exception {
        String poison = "{\"requestId\": \"" + UUID.randomUUID() + "\", not json";
        UUID change = UUID.randomUUID();
        Target next = Target.email("after-poison");

        produceRequest(PLOCK, poison);
        produceRequest(PLOCK, text(rescheduledForPlock(change, next)));

        try (TopicReader deadLetters = read(REQUESTS_DLT)) {
            ConsumerRecord<String, byte[]> dead =
                    deadLetters.await(record -> value(record).equals(poison), 1).get(0);
            assertThat(dead.key()).isEqualTo(PLOCK);
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(REQUESTS);
            assertThat(header(dead, "kafka_dlt-exception-message"))
                    .startsWith("failed to deserialize: ")
                    .contains("Unexpected character");
            assertThat(header(dead, "ce_type")).isEqualTo("eu.herald.notification.requested.v1");
        }
        awaitOneEmail(deliveryId(change, next));
    }

    @Test
    void deadLettersARequestMissingARequiredPropertyWithTheReason() throws Exception {
        UUID change = UUID.randomUUID();
        Target target = Target.email("no-zone");
        ObjectNode request = rescheduledForPlock(change, target);
        ((ObjectNode) request.get("recipient")).remove("timeZone");
        String incomplete = request.toString();
        UUID nextChange = UUID.randomUUID();
        Target next = Target.email("after-incomplete");

        produceRequest(PLOCK, incomplete);
        produceRequest(PLOCK, text(rescheduledForPlock(nextChange, next)));

        try (TopicReader deadLetters = read(REQUESTS_DLT)) {
            ConsumerRecord<String, byte[]> dead = deadLetters
                    .await(record -> value(record).equals(incomplete), 1)
                    .get(0);
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("recipient.timeZone is missing");
        }
        awaitOneEmail(deliveryId(nextChange, next));
        assertThat(deliveries.find(deliveryId(change, target))).isEmpty();
        assertThat(TestSmtp.to(target.address())).isEmpty();
    }

    @Test
    void refusesAnAddressWithAnInjectedHeaderAndRecordsTheDeliveryAsFailed() throws Exception {
        UUID change = UUID.randomUUID();
        String victims = "victims-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Target injected = Target.email("injected", "powiadomienia@plock.example\r\nBcc: mayor@" + victims);
        Target fine = Target.email("next-to-injected");

        produceRequest(PLOCK, text(rescheduledForPlock(change, injected, fine)));

        DeliveryId refused = deliveryId(change, injected);
        await().untilAsserted(() -> assertThat(deliveries.find(refused)).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(row.reason()).contains("line break");
            assertThat(row.attempts()).isEqualTo(1);
        }));
        awaitOneEmail(deliveryId(change, fine));
        assertThat(TestSmtp.withMessageId(messageId(refused))).isEmpty();
        assertThat(TestSmtp.forDomain(victims)).isEmpty();
        try (TopicReader outcomes = read(OUTCOMES)) {
            ConsumerRecord<String, byte[]> outcome =
                    outcomes.await(about(refused), 1).get(0);
            assertThat(header(outcome, "ce_type")).isEqualTo("eu.herald.delivery.failed.v1");
            ContractSchemas.assertConforms(OUTCOMES, value(outcome));
            assertThat(JSON.readTree(value(outcome)).get("reason").asString()).contains("line break");
        }
    }

    @Test
    void retriesWhileTheMailServerIsDownAndSendsEachDeliveryOnceWhenItIsBack() throws Exception {
        UUID change = UUID.randomUUID();
        List<Target> targets = List.of(Target.email("down-a"), Target.email("down-b"), Target.email("down-c"));

        TestSmtp.whileDown(() -> {
            try {
                produceRequest(PLOCK, text(rescheduledForPlock(change, targets.toArray(Target[]::new))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (Target target : targets) {
                await().untilAsserted(() -> assertThat(deliveries.find(deliveryId(change, target)))
                        .hasValueSatisfying(row -> {
                            assertThat(row.status()).isEqualTo(DeliveryStatus.RETRYING);
                            assertThat(row.attempts()).isGreaterThanOrEqualTo(2);
                            assertThat(row.nextAttemptAt()).isNotNull();
                            assertThat(row.sentAt()).isNull();
                            assertThat(row.reason()).isNotBlank();
                        }));
            }
        });

        for (Target target : targets) {
            DeliveryId delivery = deliveryId(change, target);
            awaitOneEmail(delivery);
            await().untilAsserted(() -> assertThat(deliveries.find(delivery))
                    .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT)));
        }
        try (TopicReader outcomes = read(OUTCOMES)) {
            DeliveryId first = deliveryId(change, targets.get(0));
            List<ConsumerRecord<String, byte[]>> published = outcomes.await(
                    record -> about(first).test(record)
                            && header(record, "ce_type").endsWith(".sent.v1"),
                    1);
            List<ConsumerRecord<String, byte[]>> all = outcomes.readNow(about(first));
            List<JsonNode> retrying = all.stream()
                    .filter(record -> header(record, "ce_type").equals("eu.herald.delivery.retrying.v1"))
                    .map(record -> JSON.readTree(value(record)))
                    .toList();
            assertThat(retrying)
                    .isNotEmpty()
                    .allSatisfy(json ->
                            assertThat(json.get("nextAttemptAt").asString()).isNotBlank());
            assertThat(retrying)
                    .extracting(json -> json.get("attempts").asInt())
                    .doesNotHaveDuplicates();
            all.forEach(record -> ContractSchemas.assertConforms(OUTCOMES, value(record)));
            assertThat(JSON.readTree(value(published.get(0))).get("attempts").asInt())
                    .isEqualTo(retrying.size() + 1);
        }
        // stays so: a duplicate would arrive right behind
        await().during(java.time.Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Target target : targets) {
                assertThat(TestSmtp.withMessageId(messageId(deliveryId(change, target))))
                        .hasSize(1);
            }
        });
    }

    private static DeliveryId deliveryId(UUID change, Target target) {
        return DeliveryId.of(new ChangeId(change), new EndpointId(target.endpointId()));
    }

    private static String messageId(DeliveryId delivery) {
        return "<" + delivery + "@herald>";
    }

    private static MimeMessage awaitOneEmail(DeliveryId delivery) {
        await().untilAsserted(() ->
                assertThat(TestSmtp.withMessageId(messageId(delivery))).hasSize(1));
        return TestSmtp.withMessageId(messageId(delivery)).get(0);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> about(DeliveryId delivery) {
        return record -> header(record, "ce_subject").equals(delivery.toString());
    }

    private static List<String> recipients(MimeMessage email) throws Exception {
        return Arrays.stream(email.getRecipients(RecipientType.TO))
                .map(address -> ((InternetAddress) address).getAddress())
                .toList();
    }
}
