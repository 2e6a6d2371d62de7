package eu.herald.notifications.erasure.messaging;

import eu.herald.notifications.delivery.messaging.MessagingConfiguration;
import eu.herald.notifications.delivery.messaging.MessagingProperties;
import eu.herald.notifications.erasure.Erasure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The erasures' consumer: its own container factory (the requests' factory reads requests) with the same
 * treatment of failures: an unreadable record to {@code <topic>-dlt} at once, anything else retried with a capped
 * backoff for as long as it takes. Neither the consumer factory nor the error handler is a bean, so Spring Boot's
 * request listener keeps the ones it has.
 */
@Configuration(proxyBeanMethods = false)
class ErasureMessagingConfiguration {

    static final String CONTAINER_FACTORY = "erasureListenerContainerFactory";

    /** A consumer declares the dead letters of what it consumes; the key, not the partition, places them. */
    @Bean
    NewTopic erasuresDeadLetterTopic(MessagingProperties properties) {
        return TopicBuilder.name(Topics.ERASURES_DEAD_LETTERS)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, Erasure> erasureListenerContainerFactory(
            KafkaProperties kafka, KafkaTemplate<String, byte[]> template, MeterRegistry registry) {
        DefaultKafkaConsumerFactory<String, Erasure> consumers = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(),
                new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new ErasureDeserializer()));
        // Boot adds its Micrometer listener to its own factory only: without this the erasures' lag is not measured
        consumers.addListener(new MicrometerConsumerListener<>(registry));
        ConcurrentKafkaListenerContainerFactory<String, Erasure> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(MessagingConfiguration.deadLettering(template, registry, Topics.ERASURES));
        // built here, so Boot's spring.kafka.listener.observation-enabled does not reach it: an erasure is
        // handled in the trace of the request that asked for it
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }
}
