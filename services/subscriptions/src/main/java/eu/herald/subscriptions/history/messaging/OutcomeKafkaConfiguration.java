package eu.herald.subscriptions.history.messaging;

import eu.herald.messaging.DeadLetters;
import eu.herald.subscriptions.ConsumedTopic;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.history.DeliveryOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class OutcomeKafkaConfiguration {

    static final String CONTAINER_FACTORY = "outcomeListenerContainerFactory";

    /**
     * Outcomes are recorded idempotently, so they need no Kafka transaction: on the service's transactional
     * factory each outcome cost the broker a transaction of its own (begin, offsets, commit markers), the largest
     * CPU cost of a big fan-out. Here offsets are committed after each poll's outcomes are recorded, and an outcome
     * recorded twice after a crash changes nothing. Unreadable records and records that keep failing go to the
     * {@code -dlt} topic through a non-transactional send.
     */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> outcomeListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers,
            ProducerFactory<Object, Object> producers,
            SubscriptionsProperties properties,
            MeterRegistry registry) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.getContainerProperties().setKafkaAwareTransactionManager(null);
        factory.getContainerProperties().setTransactionManager(null);
        factory.setAfterRollbackProcessor(null);
        var deadLetters = new KafkaTemplate<>(producers);
        deadLetters.setAllowNonTransactional(true);
        // built here, so Boot's spring.kafka.template.observation-enabled does not reach it: a dead letter keeps
        // the trace of the outcome it holds
        deadLetters.setObservationEnabled(true);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                DeadLetters.recoverer(deadLetters, registry, OutcomeListener.TOPIC),
                properties.matcher().retry().backOff()));
        return factory;
    }

    @Bean
    ConsumedTopic deliveryOutcomesTopic() {
        return new ConsumedTopic(OutcomeListener.TOPIC, DeliveryOutcome.class);
    }

    @Bean
    NewTopic deliveryOutcomesDeadLetterTopic(SubscriptionsProperties properties) {
        return DeadLetters.topicOf(OutcomeListener.TOPIC, properties.topics().replicas());
    }
}
