package eu.herald.catalogue.theme.messaging;

import jakarta.validation.constraints.Min;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.validation.annotation.Validated;

/** {@code catalogue.themes.v1}: compacted, so a new consumer reads the whole taxonomy from the start. */
@Configuration(proxyBeanMethods = false)
class ThemesTopic {

    static final String NAME = "catalogue.themes.v1";

    /** As in {@code k8s/base/topics.yaml}. */
    static final int PARTITIONS = 3;

    @Bean
    NewTopic catalogueThemes(Settings settings) {
        return TopicBuilder.name(NAME)
                .partitions(PARTITIONS)
                .replicas(settings.replicationFactor())
                .compact()
                .build();
    }

    /** @param replicationFactor 1 for a single local broker; 3 in production */
    @Validated
    @ConfigurationProperties("herald.catalogue.themes")
    record Settings(@DefaultValue("1") @Min(1) int replicationFactor) {}
}
