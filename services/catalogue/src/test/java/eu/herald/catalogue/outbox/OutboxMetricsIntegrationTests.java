package eu.herald.catalogue.outbox;

import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.catalogue.CatalogueIntegrationTest;
import eu.herald.messaging.OutboxLag;
import eu.herald.testsupport.MonitoringRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The outbox's lag is what the table holds: a message the relay has not sent shows until it is sent. */
class OutboxMetricsIntegrationTests extends CatalogueIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    Outbox outbox;

    @Test
    void countsAPendingMessageAndItsAgeUntilTheRelaySendsIt() {
        MeterRegistry registry = new SimpleMeterRegistry();
        // held here: a gauge holds its object weakly
        OutboxLag lag = new OutboxLag(outbox::backlog, registry, Clock.systemUTC(), Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(registry) == 0);
        assertThat(age(registry)).isZero();
        relay.stop();
        try {
            published(networking());

            assertThat(pending(registry)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> age(registry) > 0);
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(registry) == 0);
        assertThat(age(registry)).isZero().isEqualTo(lag.ageSeconds());
    }

    @Test
    void exposesTheOutboxLagAndTheProducersMetricsToPrometheus() throws Exception {
        // the first scrape is a request the second one counts in http_server_requests
        assertThat(scrape()).hasStatusOk();
        MvcTestResult scrape = scrape();

        assertThat(scrape).hasStatusOk().bodyText().contains("kafka_producer_");
        MonitoringRules.assertExposed("catalogue", scrape.getResponse().getContentAsString());
    }

    private MvcTestResult scrape() {
        return mvc.get()
                .uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange();
    }

    private static double pending(MeterRegistry registry) {
        return registry.get("herald.outbox.pending").gauge().value();
    }

    private static double age(MeterRegistry registry) {
        return registry.get("herald.outbox.age").gauge().value();
    }
}
