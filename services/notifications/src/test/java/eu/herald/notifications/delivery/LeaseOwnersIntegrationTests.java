package eu.herald.notifications.delivery;

import static eu.herald.notifications.SeedRequests.email;
import static eu.herald.notifications.SeedRequests.newChange;
import static eu.herald.notifications.SeedRequests.plock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import eu.herald.notifications.IntegrationTestSupport;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.testsupport.TestSmtp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Leases do not outlive their owner (ADR 24): what an instance that stopped renewing its liveness held is taken over
 * at once, long before its 5-minute lease runs out, and marked as possibly sent twice; what a live instance holds is
 * left alone however long its send takes; a graceful shutdown hands its deliveries over at once.
 */
class LeaseOwnersIntegrationTests extends IntegrationTestSupport {

    /** Far below the 5-minute lease: alive-for (3 s in the tests), a heartbeat, a claim and a send. */
    private static final Duration AT_ONCE = Duration.ofSeconds(15);

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    Dispatch dispatch;

    @Autowired
    Liveness liveness;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry registry;

    @Test
    void takesOverAtOnceWhatAnInstanceThatStoppedRenewingHeldAndShowsItMayHaveBeenSentTwice() throws Exception {
        String crashed = "crashed-" + UUID.randomUUID();
        double handedOver = registry.counter("herald.delivery.handovers").count();
        Instant now = Instant.now();
        jdbc.sql("insert into notifier (instance_id, started_at, alive_until) values (:id, :started, :until)")
                .param("id", crashed)
                .param("started", DeliveryRows.timestamp(now.minusSeconds(60)))
                .param("until", DeliveryRows.timestamp(now.minusSeconds(1)))
                .update();
        Delivery delivery = heldBy(crashed);

        awaitSentOnce(delivery);
        Takeover takeover = deliveries.takeover(delivery.id()).orElseThrow();
        assertThat(takeover.count()).isEqualTo(1);
        assertThat(takeover.from()).isEqualTo(crashed);
        assertThat(claimedBy(delivery)).isNull();
        assertThat(registry.counter("herald.delivery.handovers").count()).isGreaterThan(handedOver);
        mvc.perform(get("/api/deliveries/{id}", delivery.id().value()).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.takenOver.times").value(1))
                .andExpect(jsonPath("$.takenOver.from").value(crashed))
                .andExpect(jsonPath("$.takenOver.note").value(org.hamcrest.Matchers.containsString("twice")));
    }

    @Test
    void leavesWhatALiveInstanceHoldsAloneAndTakesItAtOnceWhenItShutsDown() throws Exception {
        Liveness other = new Liveness(jdbc, clock, properties, new SimpleMeterRegistry());
        other.afterPropertiesSet();
        Delivery delivery;
        try {
            delivery = heldBy(other.instance());
            Instant lease = deliveries.find(delivery.id()).orElseThrow().nextAttemptAt();

            // longer than alive-for: the other instance's renewals keep what it holds with it
            await().during(properties.aliveFor().plusSeconds(2))
                    .atMost(properties.aliveFor().plusSeconds(10))
                    .untilAsserted(() -> {
                        Delivery row = deliveries.find(delivery.id()).orElseThrow();
                        assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
                        assertThat(row.nextAttemptAt()).isEqualTo(lease);
                        assertThat(claimedBy(delivery)).isEqualTo(other.instance());
                    });
        } finally {
            other.destroy();
        }

        awaitSentOnce(delivery);
        assertThat(deliveries.takeover(delivery.id()))
                .hasValueSatisfying(takeover -> assertThat(takeover.from()).isEqualTo(other.instance()));
    }

    @Test
    void keepsASlowSendWithItsInstanceForAsLongAsItTakes() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/slow", exchange -> {
            received.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Endpoint hook = SeedRequests.webhook(
                    URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/slow"));
            ChangeId change = newChange();
            NotificationRequest request = SeedRequests.rescheduled(change, plock(), hook);
            DeliveryId id = DeliveryId.of(change, hook.id());
            CompletableFuture<List<DeliveryAttempted>> sending =
                    CompletableFuture.supplyAsync(() -> dispatch.dispatch(List.of(request)));
            await().until(() -> received.get() == 1);

            // the send outlasts alive-for; the heartbeats keep its delivery with this instance
            await().during(properties.aliveFor().plusSeconds(2))
                    .atMost(properties.aliveFor().plusSeconds(10))
                    .untilAsserted(() -> {
                        assertThat(received).hasValue(1);
                        assertThat(claimedBy(id)).isEqualTo(liveness.instance());
                        assertThat(deliveries.takeover(id)).isEmpty();
                    });
            answer.countDown();

            assertThat(sending.get(30, TimeUnit.SECONDS))
                    .singleElement()
                    .satisfies(outcome -> assertThat(outcome.status()).isEqualTo(DeliveryStatus.SENT));
            assertThat(received).hasValue(1);
            assertThat(deliveries.takeover(id)).isEmpty();
            assertThat(claimedBy(id)).isNull();
        } finally {
            answer.countDown();
            receiver.stop(0);
        }
    }

    @Test
    void makesDueAtOnceWhatItsOwnRecordCouldNotKeepAndShowsItMayHaveBeenSentTwice() throws Exception {
        // as a round whose commit failed (the database went away) leaves it: claimed by this live instance, with the
        // rest of its 5-minute lease to run
        Delivery delivery = heldBy(liveness.instance());

        liveness.abandoned(List.of(delivery));

        awaitSentOnce(delivery);
        assertThat(deliveries.takeover(delivery.id()))
                .hasValueSatisfying(takeover -> assertThat(takeover.from()).isEqualTo(liveness.instance()));
    }

    @Test
    void renewsAgainAtOnceARenewalThatWaitedLongerThanAHeartbeat() {
        // as when the database came back: the renewal read the time, then waited for the pool to reconnect
        Instant asked = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant answered = asked.plus(properties.heartbeat().multipliedBy(2));
        AtomicInteger reads = new AtomicInteger();
        Clock waiting = new Clock() {
            @Override
            public Instant instant() {
                return reads.getAndIncrement() == 0 ? asked : answered;
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        Liveness slow = new Liveness(jdbc, waiting, properties, new SimpleMeterRegistry());

        slow.renew();

        // counted from the answer, it does not lapse before its next heartbeat
        Instant aliveUntil = jdbc.sql("select alive_until from notifier where instance_id = :id")
                .param("id", slow.instance())
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .single();
        assertThat(aliveUntil).isEqualTo(answered.plus(properties.aliveFor()));
        assertThat(slow.aliveAfter(answered.plus(properties.heartbeat()))).isTrue();
    }

    /** A pending email delivery with a 5-minute lease, held by {@code instance}. */
    private Delivery heldBy(String instance) {
        Endpoint endpoint = email("lease-" + UUID.randomUUID() + "@herald-tests.example");
        NotificationRequest request = SeedRequests.rescheduled(newChange(), plock(), endpoint);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant lease = now.plus(Duration.ofMinutes(5));
        Delivery delivery = Delivery.pending(request, endpoint, now, lease);
        deliveries.record(List.of(request), List.of(delivery), now, lease);
        // as that instance's claim records it
        jdbc.sql("update delivery set claimed_by = :instance where delivery_id = :id")
                .param("instance", instance)
                .param("id", delivery.id().value())
                .update();
        return delivery;
    }

    /** Waits until the delivery is recorded sent, soon after it was handed over, and its mail arrived once. */
    private void awaitSentOnce(Delivery delivery) {
        await().atMost(AT_ONCE)
                .untilAsserted(() -> assertThat(statusOf(delivery)).isEqualTo(DeliveryStatus.SENT));
        assertThat(TestSmtp.withMessageId("<" + delivery.id() + "@herald>")).hasSize(1);
    }

    private DeliveryStatus statusOf(Delivery delivery) {
        return deliveries.find(delivery.id()).orElseThrow().status();
    }

    private @Nullable String claimedBy(Delivery delivery) {
        return claimedBy(delivery.id());
    }

    private @Nullable String claimedBy(DeliveryId id) {
        return jdbc.sql("select claimed_by from delivery where delivery_id = :id")
                .param("id", id.value())
                .query((rs, row) -> rs.getString(1))
                .list()
                .get(0);
    }
}
