package eu.herald.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the delivery outcomes from before a change, so that a scenario's resources are counted until Herald has
 * finished its work on it, not when the last delivery arrived: every delivery's final outcome relayed by
 * notifications, and read by subscriptions, which records the history from it.
 */
final class OutcomeWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWatch.class);
    static final String TOPIC = "notifications.delivery-outcomes.v1";
    /** subscriptions' consumer group of the outcomes (its history). */
    static final String HISTORY_GROUP = "subscriptions-outcomes";
    /** The statuses after which a delivery has no other outcome (contracts/notifications.delivery-outcomes.v1). */
    private static final Set<String> FINAL = Set.of("SENT", "FAILED", "DEAD", "SUPERSEDED");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrap;
    /** Change id → the deliveries of that change with a final outcome. */
    private final Map<String, Set<String>> finished = new ConcurrentHashMap<>();
    /** Delivery id → the ids of its final outcomes: one each, however often a relay sent it. */
    private final Map<String, Set<String>> finalOutcomes = new ConcurrentHashMap<>();
    /** Final outcomes read again under an id already read: a relay that sent one twice. */
    private final AtomicLong copies = new AtomicLong();

    private final TopicWatch watch;

    private OutcomeWatch(String bootstrap) {
        this.bootstrap = bootstrap;
        this.watch = TopicWatch.fromEnd(bootstrap, TOPIC, record -> accept(JSON.readTree(record.value())));
    }

    /** Starts following the outcomes from their current end. */
    static OutcomeWatch fromEnd(String bootstrap) {
        return new OutcomeWatch(bootstrap);
    }

    void accept(JsonNode outcome) {
        if (FINAL.contains(outcome.path("status").asString())) {
            String delivery = outcome.path("deliveryId").asString();
            finished.computeIfAbsent(outcome.path("changeId").asString(), change -> ConcurrentHashMap.newKeySet())
                    .add(delivery);
            if (!finalOutcomes
                    .computeIfAbsent(delivery, id -> ConcurrentHashMap.newKeySet())
                    .add(outcome.path("outcomeId").asString())) {
                copies.incrementAndGet();
            }
        }
    }

    /** How many final outcomes (distinct outcome ids) each delivery has had. */
    Map<String, Integer> finalOutcomesByDelivery() {
        Map<String, Integer> counts = new HashMap<>();
        finalOutcomes.forEach((delivery, outcomes) -> counts.put(delivery, outcomes.size()));
        return counts;
    }

    /** Final outcomes that arrived again under the same outcome id. */
    long copies() {
        return copies.get();
    }

    /** How many deliveries of the change have had their final outcome. */
    int finished(String changeId) {
        Set<String> deliveries = finished.get(changeId);
        return deliveries == null ? 0 : deliveries.size();
    }

    /**
     * Waits until the change's deliveries all had a final outcome and subscriptions has read every outcome there
     * is; gives up when neither moves for the stall time.
     *
     * @return whether Herald finished; if not, the caller says so next to the figures
     */
    boolean awaitProcessed(String changeId, int deliveries, Duration stall) {
        long lastProgress = System.nanoTime();
        int last = -1;
        long lastLag = -1;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                int done = finished(changeId);
                long lag = done < deliveries ? -1 : historyLag(admin);
                if (done >= deliveries && lag == 0) {
                    return true;
                }
                if (done != last || lag != lastLag) {
                    last = done;
                    lastLag = lag;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                    log.warn(
                            "{} of {} deliveries of {} had a final outcome, subscriptions {} behind; stopped waiting",
                            done,
                            deliveries,
                            changeId,
                            lag);
                    return false;
                }
                FanOutRun.pause(50);
            }
        }
    }

    /** Outcomes committed to the topic that subscriptions' history has not read yet. */
    private long historyLag(Admin admin) {
        try {
            int partitions = admin.describeTopics(List.of(TOPIC))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(TOPIC)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(TOPIC, partition), OffsetSpec.latest());
            }
            // the last stable offset: what a read-committed consumer such as subscriptions can reach
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(HISTORY_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata read = committed.get(end.getKey());
                lag += Math.max(0, end.getValue().offset() - (read == null ? 0 : read.offset()));
            }
            return lag;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("cannot read subscriptions' outcome lag: {}", e.toString());
            return -1;
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
