package eu.herald.notifications.delivery;

import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.notifications.IntegrationTestSupport;
import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.testsupport.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instance that died abruptly after recording a batch and before sending it (no graceful shutdown, the
 * request's offset never committed): its leases run out, another instance takes the deliveries over, and the
 * request coming again from Kafka adds nothing.
 */
class CrashRecoveryIntegrationTests extends IntegrationTestSupport {

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sendsWhatADeadInstanceRecordedButNeverSentExactlyOnce() throws Exception {
        ChangeId change = SeedRequests.newChange();
        List<Target> targets = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Target target = Target.email("crashed");
            targets.add(target);
            endpoints.add(new Endpoint(new EndpointId(target.endpointId()), Channel.EMAIL, target.address(), null));
        }
        NotificationRequest request =
                SeedRequests.rescheduled(change, SeedRequests.plock(), endpoints.toArray(Endpoint[]::new));
        Instant crashedAt = Instant.now().minus(Duration.ofMinutes(10));
        Instant leaseRanOut = crashedAt.plus(Duration.ofMinutes(5));
        List<Delivery> recorded = endpoints.stream()
                .map(endpoint -> Delivery.pending(request, endpoint, crashedAt, leaseRanOut))
                .toList();

        deliveries.record(List.of(request), recorded, crashedAt, leaseRanOut);
        produceRequest(PLOCK, text(rescheduledForPlock(change.value(), targets.toArray(Target[]::new))));

        for (Delivery delivery : recorded) {
            await().untilAsserted(() -> assertThat(deliveries.find(delivery.id()))
                    .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT)));
        }
        await().during(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Delivery delivery : recorded) {
                assertThat(TestSmtp.withMessageId("<" + delivery.id() + "@herald>"))
                        .hasSize(1);
                assertThat(deliveries.find(delivery.id()).orElseThrow().attempts())
                        .isEqualTo(1);
            }
        });
    }

    @Test
    void sendsWhatWasRecordedWithItsChangeBeforeChangesWereStoredApart() {
        ChangeId change = SeedRequests.newChange();
        Target target = Target.email("stored-whole");
        Endpoint endpoint = new Endpoint(new EndpointId(target.endpointId()), Channel.EMAIL, target.address(), null);
        NotificationRequest request = SeedRequests.rescheduled(change, SeedRequests.plock(), endpoint);
        Instant crashedAt = Instant.now().minus(Duration.ofMinutes(10));
        Delivery delivery = Delivery.pending(request, endpoint, crashedAt, crashedAt.plus(Duration.ofMinutes(5)));
        deliveries.record(List.of(request), List.of(delivery), crashedAt, delivery.nextAttemptAt());
        assertThat(jdbc.sql("select count(*) from notification_change where change_id = :id")
                        .param("id", change.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // as a request was stored before V5: whole, with no row of its change
        jdbc.sql("update notification_request set payload = cast(:payload as jsonb) where request_id = :id")
                .param("payload", JsonMapper.builder().build().writeValueAsString(request))
                .param("id", request.id().value())
                .update();
        jdbc.sql("delete from notification_change where change_id = :id")
                .param("id", change.value())
                .update();

        await().untilAsserted(() -> assertThat(deliveries.find(delivery.id()))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT)));
        assertThat(TestSmtp.withMessageId("<" + delivery.id() + "@herald>")).hasSize(1);
    }

    @Test
    void attemptsADeliveryOnlyWhileItStillHoldsIt() {
        Endpoint endpoint = SeedRequests.email("held-" + java.util.UUID.randomUUID() + "@herald-tests.example");
        NotificationRequest request = SeedRequests.published(SeedRequests.newChange(), SeedRequests.plock(), endpoint);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Instant held = now.plus(Duration.ofMinutes(5));
        Delivery delivery = Delivery.pending(request, endpoint, now, held);
        deliveries.record(List.of(request), List.of(delivery), now, held);

        // another instance took it over after the lease ran out: the lease it holds is not ours any more
        assertThat(deliveries.renew(delivery, held.minusSeconds(1), held.plusSeconds(60)))
                .isFalse();
        assertThat(deliveries.renew(delivery, held, held.plusSeconds(60))).isTrue();
        assertThat(deliveries.renew(delivery, held, held.plusSeconds(120))).isFalse();
    }
}
