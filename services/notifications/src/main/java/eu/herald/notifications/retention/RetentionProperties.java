package eu.herald.notifications.retention;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the delivery log keeps what it recorded.
 *
 * @param period deliveries, their outcomes and the stored requests older than this are deleted (never a delivery
 *     still pending or retrying, nor one whose outcome is not published yet)
 * @param interval how often the purge runs
 * @param batchSize deliveries deleted per transaction, so that a large purge never holds many locks for long
 */
@Validated
@ConfigurationProperties("herald.notifications.retention")
public record RetentionProperties(
        @DefaultValue("90d") Duration period,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1000") @Min(1) int batchSize) {}
