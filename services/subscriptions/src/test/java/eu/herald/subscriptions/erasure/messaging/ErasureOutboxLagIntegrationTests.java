package eu.herald.subscriptions.erasure.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.messaging.OutboxLag;
import eu.herald.subscriptions.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The erasure outbox's lag is read from the table the relay empties. */
class ErasureOutboxLagIntegrationTests extends IntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void countsAnUnannouncedErasureAndItsAge() {
        var lag = new OutboxLag(
                () -> ErasureOutboxMetrics.backlog(jdbc), new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ZERO);
        transactions.executeWithoutResult(status -> {
            // left uncommitted, so the relay never sees it: the lag is read in the same transaction
            jdbc.sql("""
                            insert into erasure_outbox (erasure_id, municipality_id, type, payload, created_at)
                            values (?, ?, 'MUNICIPALITY', '{}', now() - interval '2 minutes')
                            """).params(UUID.randomUUID(), UUID.randomUUID()).update();

            assertThat(lag.pending()).isPositive();
            assertThat(lag.ageSeconds()).isGreaterThanOrEqualTo(120);
            status.setRollbackOnly();
        });
    }
}
