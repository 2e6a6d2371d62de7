package eu.herald.notifications.delivery.messaging;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param partitions partitions of the topics this service declares (its outcomes and the dead letters): 3 in
 *     {@code k8s/base/topics.yaml}, which a test holds them to
 * @param replicas replication factor of those topics
 * @param relayInterval how often unpublished outcomes are looked for, besides right after each batch
 * @param relayBatchSize outcomes published per relay transaction
 */
@Validated
@ConfigurationProperties("herald.notifications.messaging")
public record MessagingProperties(
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicas,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("500") @Min(1) int relayBatchSize) {}
