package eu.herald.notifications;

import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.moved;
import static eu.herald.notifications.RequestJson.ofSession;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.delivery.Delivery;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import eu.herald.testsupport.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.node.ObjectNode;

/**
 * Latest wins and coalescing through the real pipeline: requests on the request topic, the delivery log in
 * PostgreSQL, mail to a real SMTP server, the service's clock on the evening of 5 October 2022 (20:00 in Warsaw), six
 * days before the networking session. Each test has a session and an event of its own.
 */
class SmartDeliveryIntegrationTests extends IntegrationTestSupport {

    /** 20:00 in Warsaw (CEST, UTC+2). */
    private static final Instant EVENING = Instant.parse("2022-10-05T18:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    MockMvc mvc;

    private final UUID session = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void mergesTwoQuickMovesIntoOneMailSayingWhatChangedSinceTheLastOneReceived() throws Exception {
        clock.setTo(EVENING);
        setWindow("\"PT2M\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.window").value("PT2M"))
                .andExpect(jsonPath("$.isDefault").value(false));
        Target plock = Target.email("coalesced");
        UUID published = UUID.randomUUID();
        produceRequest(PLOCK, text(published(published, plock)));
        awaitStatus(delivery(published, plock), DeliveryStatus.SENT);

        clock.setTo(EVENING.plusSeconds(20));
        UUID first = UUID.randomUUID();
        produceRequest(PLOCK, text(move(first, plock, 2, "16:30", "17:00")));
        awaitStatus(delivery(first, plock), DeliveryStatus.SCHEDULED);
        assertThat(deliveries.find(delivery(first, plock)).orElseThrow().reason())
                .isEqualTo("COALESCING");
        // two minutes after the publication went out (the test clock runs on from where it is set)
        assertThat(deliveries.find(delivery(first, plock)).orElseThrow().notBefore())
                .isBetween(
                        EVENING.plus(Duration.ofMinutes(2)),
                        EVENING.plus(Duration.ofMinutes(2)).plusSeconds(10));

        clock.setTo(EVENING.plusSeconds(40));
        UUID second = UUID.randomUUID();
        produceRequest(PLOCK, text(move(second, plock, 3, "17:00", "17:30")));
        awaitStatus(delivery(first, plock), DeliveryStatus.SUPERSEDED);
        awaitStatus(delivery(second, plock), DeliveryStatus.SCHEDULED);
        mvc.perform(get("/api/operator/deliveries/held")
                        .param("changeId", second.toString())
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reason").value("COALESCING"))
                .andExpect(jsonPath("$[0].status").value("SCHEDULED"));

        clock.setTo(EVENING.plus(Duration.ofMinutes(2)).plusSeconds(10));
        awaitStatus(delivery(second, plock), DeliveryStatus.SENT);
        await().during(Duration.ofSeconds(1))
                .until(() -> TestSmtp.to(plock.address()).size() == 2);
        assertThat(TestSmtp.text(TestSmtp.withMessageId("<" + delivery(second, plock) + "@herald>")
                        .get(0)))
                .contains("16:30 CEST → ")
                .contains("17:30 CEST")
                .doesNotContain("17:00 CEST → ");
    }

    @Test
    void sendsAChangeOfASessionWhoseWindowEndedAtOnce() throws Exception {
        clock.setTo(EVENING);
        setWindow("\"PT2M\"").andExpect(status().isOk());
        Target plock = Target.email("window-ended");
        UUID first = UUID.randomUUID();
        produceRequest(PLOCK, text(move(first, plock, 2, "16:30", "17:00")));
        awaitStatus(delivery(first, plock), DeliveryStatus.SENT);

        clock.setTo(EVENING.plus(Duration.ofMinutes(3)));
        UUID second = UUID.randomUUID();
        produceRequest(PLOCK, text(move(second, plock, 3, "17:00", "17:30")));
        awaitStatus(delivery(second, plock), DeliveryStatus.SENT);
        assertThat(deliveries.find(delivery(second, plock)).orElseThrow().notBefore())
                .isNull();
    }

    @Test
    void refusesACoalescingWindowThatIsNotADurationOrTooLong() throws Exception {
        for (String window : List.of("\"two minutes\"", "\"-PT1M\"", "\"PT2H\"", "null")) {
            setWindow(window)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("window"));
        }
        mvc.perform(get("/api/events/{id}/coalescing-window", event).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.window").value("PT0S"))
                .andExpect(jsonPath("$.isDefault").value(true));
    }

    @Test
    void supersedesARetryingDeliveryOfAnOlderVersionAndTellsWhatChangedSinceTheLastOneReceived() {
        clock.setTo(EVENING);
        Target plock = Target.email("retrying");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        TestSmtp.whileDown(() -> {
            produce(text(move(first, plock, 2, "16:30", "17:00")));
            awaitStatus(delivery(first, plock), DeliveryStatus.RETRYING);
            produce(text(move(second, plock, 3, "17:00", "17:30")));
            awaitStatus(delivery(first, plock), DeliveryStatus.SUPERSEDED);
        });
        awaitStatus(delivery(second, plock), DeliveryStatus.SENT);
        await().during(Duration.ofSeconds(1))
                .until(() -> TestSmtp.to(plock.address()).size() == 1);
        assertThat(TestSmtp.text(TestSmtp.to(plock.address()).get(0)))
                .contains("16:30 CEST → ")
                .contains("17:30 CEST");
        Delivery superseded = deliveries.find(delivery(first, plock)).orElseThrow();
        assertThat(superseded.reason()).isEqualTo("by version 3");
        assertThat(superseded.sentAt()).isNull();
    }

    /** Sets this test's event's coalescing window; {@code window} is the JSON value. */
    private ResultActions setWindow(String window) throws Exception {
        return mvc.perform(put("/api/events/{id}/coalescing-window", event)
                .with(operator())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"window\": " + window + "}"));
    }

    private void produce(String request) {
        try {
            produceRequest(PLOCK, request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode published(UUID change, Target target) {
        return ofSession(rescheduledForPlockAsPublished(change, target), session, event);
    }

    private static ObjectNode rescheduledForPlockAsPublished(UUID change, Target target) {
        ObjectNode request = rescheduledForPlock(change, target);
        ObjectNode changeNode = (ObjectNode) request.get("change");
        changeNode.put("kind", "PUBLISHED");
        ((ObjectNode) changeNode.get("session"))
                .put("version", 1)
                .put("start", "2022-10-11T16:30:00")
                .put("end", "2022-10-11T18:00:00");
        changeNode.putObject("previous");
        changeNode.putArray("changedFields");
        return request;
    }

    private ObjectNode move(UUID change, Target target, int version, String from, String to) {
        return ofSession(moved(rescheduledForPlock(change, target), version, from, to), session, event);
    }

    private void awaitStatus(DeliveryId delivery, DeliveryStatus expected) {
        await().untilAsserted(() -> assertThat(deliveries.find(delivery))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(expected)));
    }

    static DeliveryId delivery(UUID change, Target target) {
        return DeliveryId.of(new ChangeId(change), new EndpointId(target.endpointId()));
    }
}
