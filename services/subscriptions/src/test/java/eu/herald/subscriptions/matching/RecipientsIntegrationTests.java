package eu.herald.subscriptions.matching;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.unsubscribe.UnsubscribeLinks;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

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
        seedFollowers(theme, MUNICIPALITIES, true);
        SessionChange change = ChangesOfTheme.rescheduling(json, theme, eventOf(theme));
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
                        properties.verification(),
                        properties.history(),
                        properties.erasures()));
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
}
