package eu.herald.subscriptions.matching;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.unsubscribe.UnsubscribeLinks;
import eu.herald.testsupport.ContractSchemas;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.node.ObjectNode;

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
        seed(theme);
        SessionChange change = change(theme);
        var production = new SubscriptionsProperties(
                properties.languages(),
                properties.topics(),
                new SubscriptionsProperties.Matcher(
                        500, 500, properties.matcher().retry()),
                properties.unsubscribe(),
                properties.webhooks(),
                properties.limits(),
                properties.verification());
        var fanOut = new FanOut(new Recipients(jdbc, links, transactions, production), requests, json, production);

        for (int round = 1; round <= 2; round++) {
            long started = System.nanoTime();
            Integer published = kafka.executeInTransaction(operations -> fanOut.distribute(change));
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info(
                    "Benchmark round {}: {} requests in {} s = {} requests/s",
                    round,
                    published,
                    String.format("%.2f", seconds),
                    Math.round(published / seconds));
            assertThat(published).isEqualTo(MUNICIPALITIES);
        }
    }

    private void seed(String theme) {
        knownTheme(theme);
        jdbc.sql("""
                        insert into municipality (id, name, country, language, time_zone)
                        select md5(:theme || g)::uuid, 'Gmina ' || g, 'PL', 'pl', 'Europe/Warsaw'
                          from generate_series(1, :count) g
                        """).param("theme", theme).param("count", MUNICIPALITIES).update();
        jdbc.sql("""
                        insert into endpoint (id, municipality_id, channel, address, status)
                        select md5('e' || :theme || g)::uuid, md5(:theme || g)::uuid, 'EMAIL',
                               'gmina' || g || '@' || :theme || '.example', 'ACTIVE'
                          from generate_series(1, :count) g
                        """).param("theme", theme).param("count", MUNICIPALITIES).update();
        // the same municipalities also follow the event: overlapping subscriptions must not double them
        jdbc.sql("""
                        insert into subscription (id, municipality_id, selector_type, selector_value)
                        select md5('s' || :theme || g)::uuid, md5(:theme || g)::uuid, 'THEME', :theme
                          from generate_series(1, :count) g
                        union all
                        select md5('v' || :theme || g)::uuid, md5(:theme || g)::uuid, 'EVENT', md5(:theme)::uuid::text
                          from generate_series(1, :count, 10) g
                        """).param("theme", theme).param("count", MUNICIPALITIES).update();
        jdbc.sql("analyze").update();
    }

    private SessionChange change(String theme) {
        ObjectNode change = (ObjectNode) json.readTree(
                ContractSchemas.examples("catalogue.session-changes.v1").get("rescheduled.json"));
        change.put("changeId", UUID.randomUUID().toString());
        ObjectNode session = (ObjectNode) change.get("session");
        session.put("id", UUID.randomUUID().toString());
        session.put("eventId", UUID.nameUUIDFromBytes(theme.getBytes()).toString());
        session.putArray("themes").add(theme);
        SessionChange parsed = json.treeToValue(change, SessionChange.class);
        assertThat(parsed.themes()).isEqualTo(List.of(theme));
        return parsed;
    }
}
