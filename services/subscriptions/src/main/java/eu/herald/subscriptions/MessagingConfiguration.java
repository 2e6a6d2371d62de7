package eu.herald.subscriptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.DelegatingByTopicDeserializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** One value deserializer for every consumer of the service, choosing the record by topic. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer valuesByTopic(JsonMapper json, List<ConsumedTopic> topics) {
        return factory -> valueDeserializer(factory, () -> {
            Map<Pattern, Deserializer<?>> delegates = new LinkedHashMap<>();
            for (ConsumedTopic topic : topics) {
                delegates.put(
                        Pattern.compile(Pattern.quote(topic.topic())),
                        new JacksonJsonDeserializer<>(topic.valueType(), json, false));
            }
            return new ErrorHandlingDeserializer<>(
                    new DelegatingByTopicDeserializer(delegates, new ByteArrayDeserializer()));
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void valueDeserializer(
            DefaultKafkaConsumerFactory<?, ?> factory, Supplier<Deserializer<?>> supplier) {
        ((DefaultKafkaConsumerFactory) factory).setValueDeserializerSupplier((Supplier) supplier);
    }
}
