package eu.herald.notifications;

import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static eu.herald.notifications.TopicReader.header;
import static eu.herald.notifications.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import eu.herald.testsupport.ContractSchemas;
import eu.herald.testsupport.MonitoringRules;
import eu.herald.testsupport.TestSmtp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Retries used up: DEAD, the dead-letter topic, the operator API and a replay. */
class DeadDeliveriesIntegrationTests extends IntegrationTestSupport {

    private static final String DEAD_LETTERS = "notifications.deliveries.v1-dlt";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry metrics;

    @Test
    void givesUpAfterTheScheduleDeadLettersTheDeliveryAndSendsItOnceWhenReplayed() throws Exception {
        UUID change = UUID.randomUUID();
        Target target = Target.email("dead");
        Target other = Target.email("dead-too");
        DeliveryId delivery = deliveryId(change, target);
        DeliveryId otherDelivery = deliveryId(change, other);
        double deadBefore = deadLetters();

        TestSmtp.whileDown(() -> {
            try {
                produceRequest(PLOCK, text(rescheduledForPlock(change, target, other)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // the test schedule has five waits: six attempts in all
            for (DeliveryId id : List.of(delivery, otherDelivery)) {
                await().untilAsserted(() -> assertThat(deliveries.find(id)).hasValueSatisfying(row -> {
                    assertThat(row.status()).isEqualTo(DeliveryStatus.DEAD);
                    assertThat(row.attempts()).isEqualTo(6);
                    assertThat(row.reason()).startsWith("gave up after 6 attempts: ");
                }));
            }
        });

        try (TopicReader deadLetters = read(DEAD_LETTERS)) {
            ConsumerRecord<String, byte[]> dead = deadLetters
                    .await(record -> header(record, "ce_subject").equals(delivery.toString()), 1)
                    .get(0);
            assertThat(dead.key()).isEqualTo(PLOCK);
            assertThat(header(dead, "ce_type")).isEqualTo("eu.herald.delivery.dead.v1");
            assertThat(header(dead, "herald_dlt-reason")).startsWith("gave up after 6 attempts: ");
            ContractSchemas.assertConforms(DEAD_LETTERS, value(dead));
            JsonNode json = JSON.readTree(value(dead));
            assertThat(json.get("status").asString()).isEqualTo("DEAD");
            assertThat(json.get("attempts").asInt()).isEqualTo(6);
        }
        assertThat(deadLetters()).isGreaterThanOrEqualTo(deadBefore + 2);

        mvc.perform(get("/api/operator/deliveries/dead")
                        .param("changeId", change.toString())
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[*].deliveryId", hasItem(delivery.toString())))
                .andExpect(jsonPath("$[0].status").value("DEAD"));

        mvc.perform(post("/api/operator/deliveries/{id}/replay", delivery.value())
                        .with(operator()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.replayed[0]").value(delivery.toString()));

        await().untilAsserted(() -> assertThat(deliveries.find(delivery)).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(row.attempts()).isEqualTo(7);
        }));
        assertThat(TestSmtp.withMessageId(messageId(delivery))).hasSize(1);
        assertThat(deliveries.find(otherDelivery).orElseThrow().status()).isEqualTo(DeliveryStatus.DEAD);

        // a SENT delivery is never sent again: one by one it is refused, with the whole change it is left out
        mvc.perform(post("/api/operator/deliveries/{id}/replay", delivery.value())
                        .with(operator()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/operator/changes/{id}/replay", change).with(operator()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.replayed", hasSize(1)))
                .andExpect(jsonPath("$.replayed[0]").value(otherDelivery.toString()));

        await().untilAsserted(() -> assertThat(deliveries.find(otherDelivery))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT)));
        await().during(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(TestSmtp.withMessageId(messageId(delivery))).hasSize(1);
            assertThat(TestSmtp.withMessageId(messageId(otherDelivery))).hasSize(1);
        });
        mvc.perform(get("/api/operator/deliveries/dead")
                        .param("changeId", change.toString())
                        .with(operator()))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void answersAReplayOfAnUnknownDeliveryWithNotFound() throws Exception {
        mvc.perform(post("/api/operator/deliveries/{id}/replay", UUID.randomUUID())
                        .with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void exposesDeliveryMetricsForPrometheus() throws Exception {
        UUID change = UUID.randomUUID();
        Target target = Target.email("metrics");
        produceRequest(PLOCK, text(rescheduledForPlock(change, target)));
        await().untilAsserted(() -> assertThat(TestSmtp.withMessageId(messageId(deliveryId(change, target))))
                .hasSize(1));

        await().untilAsserted(() -> assertThat(metrics.find("herald.delivery.outcomes")
                        .tag("channel", "EMAIL")
                        .tag("outcome", "SENT")
                        .counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isPositive()));
        assertThat(metrics.find("herald.delivery.latency")
                        .tag("channel", "EMAIL")
                        .timer())
                .isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
        String scrape = mvc.perform(get("/actuator/prometheus").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "herald_delivery_outcomes_total{channel=\"EMAIL\",outcome=\"SENT\"}")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "herald_deliveries{channel=\"EMAIL\",state=\"SENT\"}")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("herald_outbox_age_seconds ")))
                .andExpect(
                        content()
                                .string(
                                        org.hamcrest.Matchers.containsString(
                                                "kafka_consumer_fetch_manager_records_lag_max{client_id=\"consumer-notifications-dispatch-")))
                .andExpect(
                        content()
                                .string(
                                        org.hamcrest.Matchers.containsString(
                                                "kafka_consumer_fetch_manager_records_lag_max{client_id=\"consumer-notifications-erasure-")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "herald_delivery_latency_seconds_bucket{channel=\"EMAIL\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        MonitoringRules.assertExposed("notifications", scrape);
    }

    private double deadLetters() {
        var counter = metrics.find("herald.delivery.dead.letters")
                .tag("channel", "EMAIL")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static DeliveryId deliveryId(UUID change, Target target) {
        return DeliveryId.of(new ChangeId(change), new EndpointId(target.endpointId()));
    }

    private static String messageId(DeliveryId delivery) {
        return "<" + delivery + "@herald>";
    }
}
