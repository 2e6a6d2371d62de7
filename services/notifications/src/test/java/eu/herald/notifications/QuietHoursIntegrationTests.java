package eu.herald.notifications;

import static eu.herald.notifications.RequestJson.LUBLIN;
import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.cancelledForPlock;
import static eu.herald.notifications.RequestJson.quietHours;
import static eu.herald.notifications.RequestJson.rescheduledForLublin;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quiet hours through the real pipeline: requests on the request topic, the delivery log in PostgreSQL, mail to a real
 * SMTP server, and the service's clock set to the evening of 5 October 2022 in Warsaw, six days before the networking
 * session (11 October, 16:30). Płock keeps quiet from 22:00 to 07:00, Lublin does not.
 */
class QuietHoursIntegrationTests extends IntegrationTestSupport {

    /** 23:00 in Warsaw (CEST, UTC+2). */
    private static final Instant ELEVEN_PM = Instant.parse("2022-10-05T21:00:00Z");
    /** 07:00 the next morning in Warsaw: Płock's quiet hours end. */
    private static final Instant SEVEN_AM = Instant.parse("2022-10-06T05:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void holdsPlocksChangeUntilItsQuietHoursEndWhileLublinGetsItAtOnce() throws Exception {
        clock.setTo(ELEVEN_PM);
        UUID change = UUID.randomUUID();
        Target plock = Target.email("quiet-plock");
        Target lublin = Target.email("quiet-lublin");
        DeliveryId plocks = delivery(change, plock);

        produceRequest(PLOCK, text(quietHours(rescheduledForPlock(change, plock), "22:00", "07:00")));
        produceRequest(LUBLIN, text(rescheduledForLublin(change, lublin)));

        awaitSentOnce(delivery(change, lublin));
        await().untilAsserted(() -> assertThat(deliveries.find(plocks))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.SCHEDULED)));
        mvc.perform(get("/api/deliveries/{id}", plocks.value()).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.reason").value("QUIET_HOURS"))
                .andExpect(jsonPath("$.notBefore").value(SEVEN_AM.toString()))
                .andExpect(jsonPath("$.attempts").value(0));
        // the retry scheduler polls every 100 ms: it leaves the held delivery alone until the window ends
        clock.setTo(SEVEN_AM.minusSeconds(60));
        await().during(Duration.ofSeconds(2)).until(() -> mails(plocks) == 0);
        assertThat(deliveries.find(plocks).orElseThrow().status()).isEqualTo(DeliveryStatus.SCHEDULED);

        clock.setTo(SEVEN_AM);
        awaitSentOnce(plocks);
        Delivery sent = deliveries.find(plocks).orElseThrow();
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.notBefore()).isEqualTo(SEVEN_AM);
        assertThat(sent.sentAt()).isAfterOrEqualTo(SEVEN_AM);
    }

    @Test
    void sendsACancellationToPlockInsideItsQuietHoursAtOnce() throws Exception {
        assertSentAtOnceInsideQuietHours(ELEVEN_PM, (change, plock) -> cancelledForPlock(change, plock));
    }

    @Test
    void sendsAChangeToASessionStartingWithinTheUrgentLeadTimeInsideQuietHours() throws Exception {
        // 23:00 on 10 October: the session starts in less than 24 hours
        assertSentAtOnceInsideQuietHours(
                Instant.parse("2022-10-10T21:00:00Z"), (change, plock) -> rescheduledForPlock(change, plock));
    }

    @Test
    void sendsAHeldDeliveryFromAnInstanceStartedAfterTheOneThatHeldIt() throws Exception {
        clock.setTo(ELEVEN_PM);
        UUID change = UUID.randomUUID();
        Target plock = Target.email("quiet-restart");
        DeliveryId plocks = delivery(change, plock);
        produceRequest(PLOCK, text(quietHours(rescheduledForPlock(change, plock), "22:00", "07:00")));
        await().untilAsserted(() -> assertThat(deliveries.find(plocks))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.SCHEDULED)));

        // this context's clock stays in the night; the new instance knows nothing but the database, and its system
        // clock is long past 07:00 on 6 October 2022
        try (ConfigurableApplicationContext restarted = anotherInstance(TestSmtp.port(), Map.of())) {
            awaitSentOnce(plocks);
        }
        assertThat(deliveries.find(plocks).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void neverSendsAHeldRescheduleAfterACancellationOfTheSessionReachedPlock() throws Exception {
        clock.setTo(ELEVEN_PM);
        Target plock = Target.email("quiet-cancelled");
        UUID moved = UUID.randomUUID();
        DeliveryId held = delivery(moved, plock);
        produceRequest(PLOCK, text(quietHours(rescheduledForPlock(moved, plock), "22:00", "07:00")));
        awaitStatus(held, DeliveryStatus.SCHEDULED);

        UUID cancelled = UUID.randomUUID();
        produceRequest(PLOCK, text(version(3, quietHours(cancelledForPlock(cancelled, plock), "22:00", "07:00"))));

        awaitSentOnce(delivery(cancelled, plock));
        assertNeverSentAfterQuietHours(held);
    }

    @Test
    void sendsOnlyTheLatestOfTwoMovesHeldInPlocksQuietHours() throws Exception {
        clock.setTo(ELEVEN_PM);
        Target plock = Target.email("quiet-moved-twice");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        produceRequest(PLOCK, text(quietHours(rescheduledForPlock(first, plock), "22:00", "07:00")));
        awaitStatus(delivery(first, plock), DeliveryStatus.SCHEDULED);
        produceRequest(PLOCK, text(version(3, quietHours(rescheduledForPlock(second, plock), "22:00", "07:00"))));
        awaitStatus(delivery(first, plock), DeliveryStatus.SUPERSEDED);
        assertThat(deliveries.find(delivery(second, plock)).orElseThrow().status())
                .isEqualTo(DeliveryStatus.SCHEDULED);

        clock.setTo(SEVEN_AM);
        awaitSentOnce(delivery(second, plock));
        assertThat(mails(delivery(first, plock))).isZero();
    }

    /** The held delivery stays SUPERSEDED, says by which version, and is not sent when the window ends. */
    private void assertNeverSentAfterQuietHours(DeliveryId held) throws Exception {
        mvc.perform(get("/api/deliveries/{id}", held.value()).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUPERSEDED"))
                .andExpect(jsonPath("$.reason").value("by version 3"))
                .andExpect(jsonPath("$.attempts").value(0));
        clock.setTo(SEVEN_AM);
        await().during(Duration.ofSeconds(2)).until(() -> mails(held) == 0);
        assertThat(deliveries.find(held).orElseThrow().status()).isEqualTo(DeliveryStatus.SUPERSEDED);
    }

    private void awaitStatus(DeliveryId delivery, DeliveryStatus expected) {
        await().untilAsserted(() -> assertThat(deliveries.find(delivery))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(expected)));
    }

    /** The request about a later version of the session. */
    private static ObjectNode version(int version, ObjectNode request) {
        ((ObjectNode) request.get("change").get("session")).put("version", version);
        return request;
    }

    private void assertSentAtOnceInsideQuietHours(Instant now, BiFunction<UUID, Target, ObjectNode> request)
            throws Exception {
        clock.setTo(now);
        UUID change = UUID.randomUUID();
        Target plock = Target.email("quiet-urgent");

        produceRequest(PLOCK, text(quietHours(request.apply(change, plock), "22:00", "07:00")));

        awaitSentOnce(delivery(change, plock));
        assertThat(deliveries.find(delivery(change, plock)).orElseThrow().notBefore())
                .isNull();
    }

    private void awaitSentOnce(DeliveryId delivery) {
        await().untilAsserted(() -> assertThat(deliveries.find(delivery))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT)));
        // stays so for a moment: a second send would arrive right behind
        await().during(Duration.ofSeconds(2)).until(() -> mails(delivery) == 1);
    }

    private static int mails(DeliveryId delivery) {
        return TestSmtp.withMessageId("<" + delivery + "@herald>").size();
    }

    private static DeliveryId delivery(UUID change, Target target) {
        return DeliveryId.of(new ChangeId(change), new EndpointId(target.endpointId()));
    }
}
