package eu.herald.catalogue.session.messaging;

import jakarta.validation.constraints.Min;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.validation.annotation.Validated;

/** The catalogue owns {@code catalogue.session-changes.v1}, so it declares it. */
@Configuration(proxyBeanMethods = false)
class SessionChangesTopic {

    static final String NAME = "catalogue.session-changes.v1";

    /** As in {@code k8s/base/topics.yaml}; changing it reorders sessions across partitions. */
    static final int PARTITIONS = 3;

    @Bean
    NewTopic sessionChanges(Settings settings) {
        return TopicBuilder.name(NAME)
                .partitions(PARTITIONS)
                .replicas(settings.replicationFactor())
                .build();
    }

    /** @param replicationFactor 1 for a single local broker; 3 in production */
    @Validated
    @ConfigurationProperties("herald.catalogue.session-changes")
    record Settings(@DefaultValue("1") @Min(1) int replicationFactor) {}
}
