package eu.herald.subscriptions.theme.messaging;

import eu.herald.messaging.DeadLetters;
import eu.herald.subscriptions.ConsumedTopic;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.theme.ThemeUpdated;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ThemeKafkaConfiguration {

    @Bean
    ConsumedTopic themeTopic() {
        return new ConsumedTopic(ThemeListener.TOPIC, ThemeUpdated.class);
    }

    @Bean
    NewTopic themesDeadLetterTopic(SubscriptionsProperties properties) {
        return DeadLetters.topicOf(ThemeListener.TOPIC, properties.topics().replicas());
    }
}
