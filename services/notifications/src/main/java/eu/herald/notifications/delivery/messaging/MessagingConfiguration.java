package eu.herald.notifications.delivery.messaging;

import eu.herald.messaging.DeadLetters;
import eu.herald.notifications.request.NotificationRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MessagingConfiguration {

    /** This service produces the outcomes, so it declares their topic. */
    @Bean
    NewTopic deliveryOutcomesTopic(MessagingProperties properties) {
        return TopicBuilder.name(Topics.OUTCOMES)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    /** DEAD deliveries, with the reason, for whoever has to act on them (the operator API replays them). */
    @Bean
    NewTopic deadDeliveriesTopic(MessagingProperties properties) {
        return TopicBuilder.name(Topics.DELIVERIES_DEAD_LETTERS)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    /**
     * A consumer declares the dead letters of what it consumes. Fewer partitions than the requests' twelve: the key,
     * not the partition, places a dead letter.
     */
    @Bean
    NewTopic notificationRequestsDeadLetterTopic(MessagingProperties properties) {
        return TopicBuilder.name(Topics.REQUESTS_DEAD_LETTERS)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer notificationRequestDeserializer() {
        return factory -> requests(factory)
                .setValueDeserializerSupplier(
                        () -> new ErrorHandlingDeserializer<>(new NotificationRequestDeserializer()));
    }

    /**
     * Unreadable records (a deserialization failure, reported by the listener with its index) are not retried:
     * they go to {@code <topic>-dlt} at once, under their key, with the reason in the
     * {@code kafka_dlt-exception-*} headers and the original bytes as value. Anything else (the database or the
     * broker unavailable) is retried with a capped exponential backoff for as long as it takes, because giving up
     * would drop requests that are fine.
     */
    @Bean
    DefaultErrorHandler notificationRequestErrorHandler(KafkaTemplate<String, byte[]> kafka, MeterRegistry registry) {
        return deadLettering(kafka, registry, Topics.REQUESTS);
    }

    /**
     * What every listener of this service does with a failure: see {@link #notificationRequestErrorHandler};
     * {@code topic} is the topic it reads.
     */
    public static DefaultErrorHandler deadLettering(
            KafkaTemplate<String, byte[]> kafka, MeterRegistry registry, String topic) {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setJitter(500);
        return new DefaultErrorHandler(deadLetterRecoverer(kafka, registry, topic), backOff);
    }

    /**
     * Publishes a record that cannot be processed to {@code <topic>-dlt} under its own key, in any partition, and
     * counts it (see {@link DeadLetters}), with the reason in this service's headers.
     */
    static DeadLetterPublishingRecoverer deadLetterRecoverer(
            KafkaTemplate<String, byte[]> kafka, MeterRegistry registry, String topic) {
        DeadLetterPublishingRecoverer deadLetters = DeadLetters.recoverer(kafka, registry, topic);
        deadLetters.setExceptionHeadersCreator(new DeadLetterHeaders());
        return deadLetters;
    }

    @SuppressWarnings("unchecked")
    private static DefaultKafkaConsumerFactory<String, NotificationRequest> requests(
            DefaultKafkaConsumerFactory<?, ?> factory) {
        return (DefaultKafkaConsumerFactory<String, NotificationRequest>) factory;
    }
}
