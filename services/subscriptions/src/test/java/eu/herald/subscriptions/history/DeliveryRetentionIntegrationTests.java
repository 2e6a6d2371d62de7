package eu.herald.subscriptions.history;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.subscriptions.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The retention of the delivery history, on rows backdated in PostgreSQL. */
class DeliveryRetentionIntegrationTests extends IntegrationTest {

    @Autowired
    private DeliveryRetention retention;

    @Test
    void purgesOutcomesOlderThanTheRetentionInBatchesAndKeepsTheRecentOnes() throws Exception {
        UUID municipality = registerMunicipality("Miasto Retencja");
        UUID endpoint = registerEmail(municipality, "urzad@retencja.example");
        Instant now = Instant.now();
        // more old rows than one batch (1000), so the purge has to loop
        int old = 2_345;
        for (int row = 0; row < old; row++) {
            delivered(municipality, endpoint, now.minus(Duration.ofDays(91)).minusSeconds(row));
        }
        delivered(municipality, endpoint, now.minus(Duration.ofDays(89)));
        delivered(municipality, endpoint, now.minus(Duration.ofHours(1)));
        long elsewhere = jdbc.sql("select count(*) from delivery where municipality_id <> ? and occurred_at < ?")
                .params(municipality, Timestamp.from(now.minus(Duration.ofDays(90))))
                .query(Long.class)
                .single();

        int purged = retention.purge();

        assertThat(purged).isEqualTo(old + elsewhere);
        assertThat(jdbc.sql("select count(*) from delivery where municipality_id = ?")
                        .params(municipality)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from delivery where occurred_at < ?")
                        .params(Timestamp.from(now.minus(Duration.ofDays(90))))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(retention.purge()).isZero();
    }
}
