package eu.herald.subscriptions.matching;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.unsubscribe.UnsubscribeLinks;
import eu.herald.testsupport.ContractSchemas;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.node.ObjectNode;

/** The selection at the scale of every local authority in the EU. */
class RecipientsIntegrationTests extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RecipientsIntegrationTests.class);
    private static final int MUNICIPALITIES = 100_000;
    /** What the heap may grow by while streaming: far less than the selection held at once (well over 100 MB). */
    private static final long BOUND = 32L * 1024 * 1024;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SubscriptionsProperties properties;

    @Test
    void streamsOneHundredThousandMunicipalitiesInBoundedMemory() {
        String theme = unique("everyone");
        seed(theme);
        SessionChange change = change(theme);
        var matcherProperties = new SubscriptionsProperties.Matcher(
                1000, 500, properties.matcher().retry());
        var recipients = new Recipients(
                jdbc,
                links,
                transactions,
                new SubscriptionsProperties(
                        properties.languages(),
                        properties.topics(),
                        matcherProperties,
                        properties.unsubscribe(),
                        properties.webhooks(),
                        properties.limits(),
                        properties.verification()));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        long[] peak = {0};
        int[] seen = {0};
        String[] previous = {""};
        long started = System.nanoTime();

        recipients.affectedBy(change, affected -> {
            String id = affected.recipient().municipalityId().toString();
            assertThat(id).isGreaterThan(previous[0]); // one request per municipality, in order
            previous[0] = id;
            assertThat(affected.destinations()).hasSize(1);
            if (++seen[0] % 20_000 == 0) {
                peak[0] = Math.max(peak[0], usedAfterGc(memory) - baseline);
            }
        });

        log.info(
                "Selected {} municipalities in {} ms; heap grew by at most {} KB",
                seen[0],
                (System.nanoTime() - started) / 1_000_000,
                peak[0] / 1024);
        assertThat(seen[0]).isEqualTo(MUNICIPALITIES);
        assertThat(peak[0]).as("heap growth while streaming").isLessThan(BOUND);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
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
