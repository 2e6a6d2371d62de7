package eu.herald.subscriptions.matching;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.unsubscribe.UnsubscribeLinks;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The benchmark harness of the matcher, not a timed test: fans one change out to 100,000
 * municipalities through the real selection and the real transactional producer, with production
 * batch and fetch sizes (override with {@code -Dherald.benchmark.fetch-size} and {@code
 * -Dherald.benchmark.batch-size}), and logs the rate. Run it on its own, on a quiet machine:
 * {@code ./mvnw -pl services/subscriptions verify -Dtest=FanOutBenchmarkIntegrationTests -Dherald.benchmark=true -Djacoco.skip=true}
 */
@EnabledIfSystemProperty(named = "herald.benchmark", matches = "true")
class FanOutBenchmarkIntegrationTests extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(FanOutBenchmarkIntegrationTests.class);
    private static final int MUNICIPALITIES = 100_000;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SubscriptionsProperties properties;

    @Autowired
    NotificationRequests requests;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void fansOneChangeOutToOneHundredThousandMunicipalities() {
        String theme = unique("benchmark");
        seedFollowers(theme, MUNICIPALITIES, true);
        SessionChange change = ChangesOfTheme.rescheduling(json, theme, eventOf(theme));
        var production = new SubscriptionsProperties(
                properties.languages(),
                properties.topics(),
                new SubscriptionsProperties.Matcher(
                        500, 500, properties.matcher().retry()),
                properties.unsubscribe(),
                properties.webhooks(),
                properties.limits(),
                properties.verification(),
                properties.history(),
                properties.erasures());
        var fanOut = new FanOut(new Recipients(jdbc, links, transactions, production), requests, json, production);

        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            // CPU time of the fanning thread tells changes apart even when the machine is not quiet
            long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            Integer published = kafka.executeInTransaction(operations -> fanOut.distribute(change));
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            log.info(
                    "Benchmark round {}: {} requests in {} s = {} requests/s; {} CPU s on the fanning thread",
                    round,
                    published,
                    String.format("%.2f", seconds),
                    Math.round(published / seconds),
                    String.format("%.2f", cpuSeconds));
            assertThat(published).isEqualTo(MUNICIPALITIES);
        }
    }
}
