package eu.herald.notifications.delivery;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retrySchedule the wait before each retry of a transient failure; once they are used up the delivery is
 *     DEAD (five entries: six attempts in all)
 * @param jitter each wait is drawn from {@code wait × [1 − jitter, 1 + jitter]}, so that deliveries that failed
 *     together do not come back together
 * @param retryPollInterval how often due retries are looked for
 * @param retryBatchSize deliveries claimed per look
 * @param lease how long a claimed delivery is held by the instance that claimed it, however alive that instance is;
 *     past it, the delivery is taken over (keep it well above the SMTP timeouts)
 * @param heartbeat how often each instance renews its liveness and hands the claims of lapsed instances to the claim
 * @param aliveFor how long an instance counts as alive after renewing its liveness: the claims of one that has not
 *     renewed it for that long (it died, or hung) become due at once for the others (ADR 24). At least two
 *     heartbeats, so that one late renewal does not hand a live instance's work over
 * @param workers deliveries attempted in parallel per instance, for a channel that does not set its own (email: twice
 *     its SMTP connections; webhooks and web push: their {@code concurrency})
 * @param urgentLeadTime a change to a session that starts sooner than this is urgent: it goes out at once, inside
 *     the recipient's quiet hours too (a cancellation always does)
 */
@Validated
@ConfigurationProperties("herald.notifications.delivery")
public record DeliveryProperties(
        @DefaultValue({"10s", "1m", "10m", "1h", "6h"}) @NotEmpty
        List<Duration> retrySchedule,

        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0")
        double jitter,

        @DefaultValue("1s") Duration retryPollInterval,
        @DefaultValue("100") @Min(1) int retryBatchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("15s") Duration aliveFor,
        @DefaultValue("4") @Min(1) int workers,
        @DefaultValue("24h") Duration urgentLeadTime) {

    @AssertTrue(message = "alive-for must be at least two heartbeats, and the heartbeat positive")
    boolean isAliveForTwoHeartbeats() {
        return !heartbeat.isNegative() && !heartbeat.isZero() && aliveFor.compareTo(heartbeat.multipliedBy(2)) >= 0;
    }
}
