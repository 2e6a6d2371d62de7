package eu.herald.notifications.retention;

import static eu.herald.testsupport.WebhookReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.notifications.IntegrationTestSupport;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.Dispatch;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge against the real delivery log, with rows backdated in PostgreSQL: what is older than the
 * period goes, with its outcomes and requests, in batches; what is recent, still retrying or not published stays.
 */
class RetentionIntegrationTests extends IntegrationTestSupport {

    @Autowired
    Dispatch dispatch;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Test
    void deletesOldFinishedDeliveriesWithTheirOutcomesAndRequestsInBatchesAndKeepsTheRest() {
        List<ChangeId> old = new ArrayList<>();
        List<DeliveryId> oldDeliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ChangeId change = SeedRequests.newChange();
            Endpoint email = SeedRequests.email("old-" + UUID.randomUUID() + "@herald-tests.example");
            dispatch.dispatch(List.of(SeedRequests.rescheduled(change, SeedRequests.plock(), email)));
            old.add(change);
            oldDeliveries.add(DeliveryId.of(change, email.id()));
        }
        ChangeId retryingChange = SeedRequests.newChange();
        webhooks.answer("/busy", status(503, "Retry-After", "600"));
        Endpoint hook = SeedRequests.webhook(webhooks.url("/busy"));
        dispatch.dispatch(List.of(SeedRequests.rescheduled(retryingChange, SeedRequests.plock(), hook)));
        DeliveryId retrying = DeliveryId.of(retryingChange, hook.id());
        ChangeId recentChange = SeedRequests.newChange();
        Endpoint recentEmail = SeedRequests.email("recent-" + UUID.randomUUID() + "@herald-tests.example");
        dispatch.dispatch(List.of(SeedRequests.rescheduled(recentChange, SeedRequests.plock(), recentEmail)));
        DeliveryId recent = DeliveryId.of(recentChange, recentEmail.id());
        assertThat(deliveries.find(retrying).orElseThrow().status()).isEqualTo(DeliveryStatus.RETRYING);
        await().until(() -> jdbc.sql("select count(*) from delivery_outcome where published_at is null")
                        .query(Long.class)
                        .single()
                == 0);
        List<ChangeId> backdated = new ArrayList<>(old);
        backdated.add(retryingChange);
        for (ChangeId change : backdated) {
            backdate(change, "91 days");
        }
        // just inside the period: kept
        backdate(recentChange, "89 days");
        // batches of two: five old deliveries take three, and the requests three more
        Retention retention = new Retention(
                jdbc, transaction, new RetentionProperties(Duration.ofDays(90), Duration.ofHours(1), 2), clock);

        Retention.Purged purged = retention.purge();

        assertThat(purged.deliveries()).isGreaterThanOrEqualTo(5);
        assertThat(purged.requests()).isGreaterThanOrEqualTo(5);
        for (int i = 0; i < old.size(); i++) {
            assertThat(deliveries.find(oldDeliveries.get(i))).isEmpty();
            assertThat(count(
                            "delivery_outcome where delivery_id = :id",
                            oldDeliveries.get(i).value()))
                    .isZero();
            assertThat(count(
                            "notification_request where change_id = :id",
                            old.get(i).value()))
                    .isZero();
            assertThat(count(
                            "notification_change where change_id = :id",
                            old.get(i).value()))
                    .isZero();
        }
        assertThat(deliveries.find(retrying))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.RETRYING));
        assertThat(count("notification_request where change_id = :id", retryingChange.value()))
                .isEqualTo(1);
        // old, but its request is still needed: so is its change
        assertThat(count("notification_change where change_id = :id", retryingChange.value()))
                .isEqualTo(1);
        assertThat(deliveries.find(recent)).isPresent();
        assertThat(count("delivery_outcome where delivery_id = :id", recent.value()))
                .isEqualTo(1);
        assertThat(count("notification_request where change_id = :id", recentChange.value()))
                .isEqualTo(1);
        assertThat(count("notification_change where change_id = :id", recentChange.value()))
                .isEqualTo(1);
        // nothing left to purge: a second run deletes nothing of what stays
        assertThat(retention.purge()).isEqualTo(new Retention.Purged(0, 0));
    }

    @Test
    void keepsAnOldDeliveryWhoseOutcomeIsNotPublishedYet() {
        ChangeId change = SeedRequests.newChange();
        Endpoint email = SeedRequests.email("unpublished-" + UUID.randomUUID() + "@herald-tests.example");
        dispatch.dispatch(List.of(SeedRequests.rescheduled(change, SeedRequests.plock(), email)));
        DeliveryId delivery = DeliveryId.of(change, email.id());
        await().until(() ->
                count("delivery_outcome where delivery_id = :id and published_at is not null", delivery.value()) == 1);
        Retention retention = new Retention(
                jdbc, transaction, new RetentionProperties(Duration.ofDays(90), Duration.ofHours(1), 10), clock);

        // in one transaction that is rolled back: the outcome row stays locked, so the relay (which skips locked
        // rows) cannot publish it again while the purge looks at it
        transaction.executeWithoutResult(status -> {
            jdbc.sql("update delivery_outcome set published_at = null where delivery_id = :id")
                    .param("id", delivery.value())
                    .update();
            backdate(change, "100 days");

            retention.purge();

            assertThat(deliveries.find(delivery)).isPresent();
            status.setRollbackOnly();
        });
    }

    private void backdate(ChangeId change, String age) {
        jdbc.sql("update delivery set created_at = now() - cast(:age as interval) where change_id = :change")
                .param("age", age)
                .param("change", change.value())
                .update();
        for (String table : List.of("notification_request", "notification_change")) {
            jdbc.sql("update " + table + " set created_at = now() - cast(:age as interval) where change_id = :change")
                    .param("age", age)
                    .param("change", change.value())
                    .update();
        }
    }

    private long count(String from, Object id) {
        return jdbc.sql("select count(*) from " + from)
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
