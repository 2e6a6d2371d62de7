package eu.herald.subscriptions.matching.messaging;

import eu.herald.messaging.DeadLetters;
import eu.herald.subscriptions.ConsumedTopic;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.matching.SessionChange;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka wiring of the matcher.
 *
 * <p>{@code spring.kafka.producer.transaction-id-prefix} makes Boot create a {@code
 * KafkaTransactionManager} and hand it to the listener container: each session change is consumed
 * and its requests produced in one Kafka transaction (read-process-write). With a transaction
 * manager the container does not use a {@code CommonErrorHandler} (it defaults to none); a failed
 * record rolls the transaction back and the {@link DefaultAfterRollbackProcessor} decides. So
 * dead-lettering lives there: unreadable records (a {@code DeserializationException} is never
 * retried) and records that keep failing are published to {@code <topic>-dlt} by the {@link
 * DeadLetters} recoverer (under their key, any partition) in a new transaction that also commits their offset, so the
 * dead letter and the skip happen together or not at all.
 */
@Configuration(proxyBeanMethods = false)
class MatcherKafkaConfiguration {

    /** As in {@code k8s/base/topics.yaml}: the most notifier consumers that can share the requests. */
    static final int NOTIFICATION_REQUEST_PARTITIONS = 12;

    @Bean
    NewTopic notificationRequestsTopic(SubscriptionsProperties properties) {
        return TopicBuilder.name(Topics.NOTIFICATION_REQUESTS)
                .partitions(NOTIFICATION_REQUEST_PARTITIONS)
                .replicas(properties.topics().replicas())
                .build();
    }

    @Bean
    NewTopic sessionChangesDeadLetterTopic(SubscriptionsProperties properties) {
        return DeadLetters.topicOf(Topics.SESSION_CHANGES, properties.topics().replicas());
    }

    @Bean
    ConsumedTopic sessionChangesTopic() {
        return new ConsumedTopic(Topics.SESSION_CHANGES, SessionChange.class);
    }

    /**
     * Requests are written as JSON; dead letters of unreadable records keep their original bytes.
     * One serializer for both keeps a single transactional producer, so a dead letter joins the
     * transaction that commits its offset.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer jsonOrBytesSerializer(JsonMapper json) {
        return factory -> valueSerializer(factory, () -> {
            Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
            delegates.put(byte[].class, new ByteArraySerializer());
            delegates.put(Object.class, new JacksonJsonSerializer<>(json).noTypeInfo());
            return new DelegatingByTypeSerializer(delegates, true);
        });
    }

    @Bean
    DefaultAfterRollbackProcessor<Object, Object> deadLetteringAfterRollback(
            KafkaTemplate<Object, Object> template, SubscriptionsProperties properties, MeterRegistry registry) {
        var recoverer = DeadLetters.recoverer(template, registry, Topics.SESSION_CHANGES);
        return new DefaultAfterRollbackProcessor<>(
                recoverer, properties.matcher().retry().backOff(), template, true);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void valueSerializer(DefaultKafkaProducerFactory<?, ?> factory, Supplier<Serializer<?>> supplier) {
        ((DefaultKafkaProducerFactory) factory).setValueSerializerSupplier((Supplier) supplier);
    }
}
