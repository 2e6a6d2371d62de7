package eu.herald.subscriptions.history.messaging;

import eu.herald.subscriptions.ConsumedTopic;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.history.DeliveryOutcome;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class OutcomeKafkaConfiguration {

    @Bean
    ConsumedTopic deliveryOutcomesTopic() {
        return new ConsumedTopic(OutcomeListener.TOPIC, DeliveryOutcome.class);
    }

    @Bean
    NewTopic deliveryOutcomesDeadLetterTopic(SubscriptionsProperties properties) {
        return TopicBuilder.name(OutcomeListener.TOPIC + "-dlt")
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }
}
