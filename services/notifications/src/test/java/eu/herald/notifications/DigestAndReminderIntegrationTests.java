package eu.herald.notifications;

import static eu.herald.notifications.RequestJson.FUNDAO;
import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.cancelledForPlock;
import static eu.herald.notifications.RequestJson.dailyDigest;
import static eu.herald.notifications.RequestJson.moved;
import static eu.herald.notifications.RequestJson.ofSession;
import static eu.herald.notifications.RequestJson.publishedForFundao;
import static eu.herald.notifications.RequestJson.reminders;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.delivery.Delivery;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryKind;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import eu.herald.testsupport.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Daily digests and reminders through the real pipeline: requests on the request topic, the delivery log in
 * PostgreSQL, mail to a real SMTP server, the service's clock on the evening of 5 October 2022 (20:00 in Warsaw, 19:00
 * in Lisbon), six days before the networking session (11 October, 16:30 Warsaw time). Fundão reads a daily digest at
 * 08:00 Lisbon time; Płock asks to be reminded 24 hours and 1 hour before a session starts.
 */
class DigestAndReminderIntegrationTests extends IntegrationTestSupport {

    private static final Instant EVENING = Instant.parse("2022-10-05T18:00:00Z");
    /** 08:00 on 6 October in Lisbon (WEST, UTC+1): Fundão's digest. */
    private static final Instant FUNDAOS_MORNING = Instant.parse("2022-10-06T07:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    DeliveryLog deliveries;

    private final UUID event = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void givesFundaoOneDigestMailTheNextMorningForThreeChanges() throws Exception {
        clock.setTo(EVENING);
        Target fundao = Target.email("digest");
        UUID first = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID published = UUID.randomUUID();
        UUID movedOnce = UUID.randomUUID();
        UUID publishedOther = UUID.randomUUID();
        produceRequest(FUNDAO, text(forFundao(publishedForFundao(published, fundao), first)));
        produceRequest(
                FUNDAO, text(forFundao(moved(publishedForFundao(movedOnce, fundao), 2, "16:30", "17:00"), first)));
        produceRequest(FUNDAO, text(forFundao(otherTitle(publishedForFundao(publishedOther, fundao)), other)));

        awaitStatus(delivery(published, fundao), DeliveryStatus.SUPERSEDED);
        awaitStatus(delivery(publishedOther, fundao), DeliveryStatus.SCHEDULED);
        Delivery held = deliveries.find(delivery(movedOnce, fundao)).orElseThrow();
        assertThat(held.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(held.reason()).isEqualTo("DAILY_DIGEST");
        assertThat(held.digestAt()).isEqualTo(FUNDAOS_MORNING);
        // nothing goes out before the digest's time
        clock.setTo(FUNDAOS_MORNING.minusSeconds(60));
        await().during(Duration.ofSeconds(1))
                .until(() -> TestSmtp.to(fundao.address()).isEmpty());

        clock.setTo(FUNDAOS_MORNING);
        awaitStatus(delivery(movedOnce, fundao), DeliveryStatus.SENT);
        awaitStatus(delivery(publishedOther, fundao), DeliveryStatus.SENT);
        await().during(Duration.ofSeconds(2))
                .until(() -> TestSmtp.to(fundao.address()).size() == 1);
        String digest = TestSmtp.text(TestSmtp.to(fundao.address()).get(0));
        assertThat(digest).contains("Sessão de teste").contains(SeedRequests.TITLE_EN);
        assertThat(deliveries
                        .find(delivery(publishedOther, fundao))
                        .orElseThrow()
                        .digestAt())
                .isEqualTo(FUNDAOS_MORNING);
    }

    @Test
    void sendsACancellationToFundaoAtOnceDespiteItsDigest() throws Exception {
        clock.setTo(EVENING);
        Target fundao = Target.email("digest-cancelled");
        UUID cancelled = UUID.randomUUID();
        ObjectNode request = cancelledForPlock(cancelled, fundao);
        ((ObjectNode) request.get("recipient")).put("municipalityId", FUNDAO);
        produceRequest(FUNDAO, text(dailyDigest(request, "08:00")));
        awaitStatus(delivery(cancelled, fundao), DeliveryStatus.SENT);
        assertThat(deliveries.find(delivery(cancelled, fundao)).orElseThrow().digestAt())
                .isNull();
    }

    @Test
    void remindsPlockBeforeTheMovedSessionAndNotAfterItIsCancelled() throws Exception {
        clock.setTo(EVENING);
        UUID session = UUID.randomUUID();
        Target plock = Target.email("reminded");
        UUID first = UUID.randomUUID();
        produceRequest(
                PLOCK, text(reminders(ofSession(rescheduledForPlock(first, plock), session, event), "PT24H", "PT1H")));
        awaitStatus(reminder(first, plock, "PT24H"), DeliveryStatus.SCHEDULED);
        // 17:00 Warsaw time on 10 October, a day before the session
        assertThat(deliveries
                        .find(reminder(first, plock, "PT24H"))
                        .orElseThrow()
                        .notBefore())
                .isEqualTo(Instant.parse("2022-10-10T15:00:00Z"));

        UUID movedAgain = UUID.randomUUID();
        produceRequest(
                PLOCK,
                text(reminders(
                        ofSession(moved(rescheduledForPlock(movedAgain, plock), 3, "17:00", "17:30"), session, event),
                        "PT24H",
                        "PT1H")));
        awaitStatus(reminder(first, plock, "PT24H"), DeliveryStatus.SUPERSEDED);
        awaitStatus(reminder(first, plock, "PT1H"), DeliveryStatus.SUPERSEDED);
        Delivery dayBefore =
                deliveries.find(reminder(movedAgain, plock, "PT24H")).orElseThrow();
        assertThat(dayBefore.kind()).isEqualTo(DeliveryKind.REMINDER);
        assertThat(dayBefore.notBefore()).isEqualTo(Instant.parse("2022-10-10T15:30:00Z"));

        clock.setTo(Instant.parse("2022-10-10T15:30:00Z"));
        awaitStatus(reminder(movedAgain, plock, "PT24H"), DeliveryStatus.SENT);
        await().during(Duration.ofSeconds(1)).until(() -> mails(reminder(movedAgain, plock, "PT24H")) == 1);
        assertThat(mails(reminder(first, plock, "PT24H"))).isZero();
        assertThat(TestSmtp.text(TestSmtp.withMessageId("<" + reminder(movedAgain, plock, "PT24H") + "@herald>")
                        .get(0)))
                .contains("17:30")
                .contains(SeedRequests.LINK);

        UUID cancelled = UUID.randomUUID();
        ObjectNode cancel = ofSession(cancelledForPlock(cancelled, plock), session, event);
        ((ObjectNode) cancel.get("change").get("session")).put("version", 4);
        produceRequest(PLOCK, text(reminders(cancel, "PT24H", "PT1H")));
        awaitStatus(delivery(cancelled, plock), DeliveryStatus.SENT);
        awaitStatus(reminder(movedAgain, plock, "PT1H"), DeliveryStatus.SUPERSEDED);
        clock.setTo(Instant.parse("2022-10-11T14:30:00Z"));
        await().during(Duration.ofSeconds(2)).until(() -> mails(reminder(movedAgain, plock, "PT1H")) == 0);
        assertThat(deliveries.find(reminder(cancelled, plock, "PT1H"))).isEmpty();
    }

    @Test
    void sendsADigestAndAReminderOnceWithTwoInstancesRunning() throws Exception {
        // both instances on the system's clock (leases mean something only between clocks that agree): Fundão's digest
        // and Płock's reminder come due together, a few seconds to a minute from now, at a whole minute
        clock.reset();
        ZonedDateTime due = ZonedDateTime.now(ZoneId.of("Europe/Lisbon"))
                .plusSeconds(15)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        Target fundao = Target.email("digest-twice");
        UUID digested = UUID.randomUUID();
        ObjectNode digest = forFundao(publishedForFundao(digested, fundao), UUID.randomUUID());
        startingAt(digest, due.plusDays(3));
        ((ObjectNode) digest.get("recipient").get("preferences"))
                .put("digestTime", due.toLocalTime().toString());
        Target plock = Target.email("reminder-twice");
        UUID reminded = UUID.randomUUID();
        ObjectNode reminder = ofSession(rescheduledForPlock(reminded, plock), UUID.randomUUID(), event);
        startingAt(reminder, due.plusHours(1));

        try (ConfigurableApplicationContext other = anotherInstance(TestSmtp.port(), Map.of())) {
            produceRequest(FUNDAO, text(digest));
            produceRequest(PLOCK, text(reminders(reminder, "PT1H")));
            awaitStatus(delivery(digested, fundao), DeliveryStatus.SCHEDULED);
            awaitStatus(reminder(reminded, plock, "PT1H"), DeliveryStatus.SCHEDULED);
            assertThat(deliveries.find(delivery(digested, fundao)).orElseThrow().digestAt())
                    .isEqualTo(due.toInstant());

            // due at most 75 seconds from now
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertThat(deliveries
                                .find(delivery(digested, fundao))
                                .orElseThrow()
                                .status())
                        .isEqualTo(DeliveryStatus.SENT);
                assertThat(deliveries
                                .find(reminder(reminded, plock, "PT1H"))
                                .orElseThrow()
                                .status())
                        .isEqualTo(DeliveryStatus.SENT);
            });
            await().during(Duration.ofSeconds(2))
                    .until(() ->
                            TestSmtp.to(fundao.address()).size() == 1 && mails(reminder(reminded, plock, "PT1H")) == 1);
        }
    }

    /** The request's session moved to start at {@code start} (local to the session's zone), an hour long. */
    private static void startingAt(ObjectNode request, ZonedDateTime start) {
        LocalDateTime local =
                start.withZoneSameInstant(ZoneId.of("Europe/Warsaw")).toLocalDateTime();
        ((ObjectNode) request.get("change").get("session"))
                .put("start", local.toString())
                .put("end", local.plusHours(1).toString());
    }

    private ObjectNode forFundao(ObjectNode request, UUID session) {
        return dailyDigest(ofSession(request, session, event), "08:00");
    }

    private static ObjectNode otherTitle(ObjectNode request) {
        ((ObjectNode) request.get("change").get("session")).putObject("title").put("pt", "Sessão de teste");
        return request;
    }

    private void awaitStatus(DeliveryId delivery, DeliveryStatus expected) {
        await().untilAsserted(() -> assertThat(deliveries.find(delivery))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(expected)));
    }

    private static int mails(DeliveryId delivery) {
        return TestSmtp.withMessageId("<" + delivery + "@herald>").size();
    }

    private static DeliveryId delivery(UUID change, Target target) {
        return DeliveryId.of(new ChangeId(change), new EndpointId(target.endpointId()));
    }

    private static DeliveryId reminder(UUID change, Target target, String lead) {
        return DeliveryId.reminder(new ChangeId(change), new EndpointId(target.endpointId()), Duration.parse(lead));
    }
}
