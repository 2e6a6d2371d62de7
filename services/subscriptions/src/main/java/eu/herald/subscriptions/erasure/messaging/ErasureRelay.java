package eu.herald.subscriptions.erasure.messaging;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the erasure outbox to {@code subscriptions.erasures.v1} (key municipality id, CloudEvents binary
 * headers), oldest first. Rows are sent in one Kafka transaction and deleted in the database transaction that
 * locked them, after Kafka committed: a crash in between publishes them again, which consumers tolerate
 * (erasing what is gone already changes nothing); a row is never deleted unpublished.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ErasureRelay implements SchedulingConfigurer {

    static final String TOPIC = "subscriptions.erasures.v1";
    /** As in {@code k8s/base/topics.yaml}. */
    static final int PARTITIONS = 3;

    private static final String SOURCE = "/herald/subscriptions";
    private static final Logger log = LoggerFactory.getLogger(ErasureRelay.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<Object, Object> kafka;
    private final TransactionTemplate transaction;
    private final SubscriptionsProperties properties;

    ErasureRelay(
            JdbcClient jdbc,
            KafkaTemplate<Object, Object> kafka,
            TransactionTemplate transaction,
            SubscriptionsProperties properties) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Bean
    static NewTopic erasuresTopic(SubscriptionsProperties properties) {
        return TopicBuilder.name(TOPIC)
                .partitions(PARTITIONS)
                .replicas(properties.topics().replicas())
                .build();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::relaySafely, properties.erasures().relayInterval());
    }

    private void relaySafely() {
        try {
            relay();
        } catch (RuntimeException e) {
            // the rows stay in the outbox and the next round tries again
            log.warn("Could not publish erasures yet: {}", e.getClass().getSimpleName());
        }
    }

    /** Publishes one batch of the outbox; the number of erasures published. */
    int relay() {
        Integer published = transaction.execute(status -> {
            List<Row> rows = jdbc.sql("""
                            select erasure_id, municipality_id, type, payload, created_at from erasure_outbox
                             order by created_at, erasure_id limit :batch for update skip locked
                            """)
                    .param("batch", properties.erasures().batchSize())
                    .query((row, number) -> new Row(
                            row.getObject("erasure_id", UUID.class),
                            row.getObject("municipality_id", UUID.class),
                            row.getString("type"),
                            row.getString("payload"),
                            row.getTimestamp("created_at")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            kafka.executeInTransaction(operations -> {
                rows.forEach(row -> operations.send(row.record()));
                return null;
            });
            jdbc.sql("delete from erasure_outbox where erasure_id in (:ids)")
                    .param("ids", rows.stream().map(Row::erasureId).toList())
                    .update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private record Row(UUID erasureId, UUID municipalityId, String type, String payload, Timestamp createdAt) {

        ProducerRecord<Object, Object> record() {
            String municipality = municipalityId.toString();
            var headers = new RecordHeaders();
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(erasureId.toString()));
            headers.add("ce_type", bytes(type));
            headers.add("ce_source", bytes(SOURCE));
            headers.add("ce_time", bytes(DateTimeFormatter.ISO_INSTANT.format(createdAt.toInstant())));
            headers.add("ce_subject", bytes(municipality));
            headers.add("content-type", bytes("application/json"));
            // bytes, so the JSON serializer of the producer leaves the stored JSON as it is
            return new ProducerRecord<>(TOPIC, null, municipality, bytes(payload), headers);
        }

        private static byte[] bytes(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
