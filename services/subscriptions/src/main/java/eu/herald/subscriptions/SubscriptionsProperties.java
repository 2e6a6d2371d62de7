package eu.herald.subscriptions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the subscriptions service ({@code herald.subscriptions.*}).
 *
 * @param languages languages municipalities can read notifications in (BCP 47 tags the notifiers
 *     have templates for)
 * @param topics replication of the topics this service declares
 * @param matcher how the matcher reads recipients and retries a change it cannot process
 * @param unsubscribe public links (one-click unsubscribe, email verification) and the key that signs them
 * @param webhooks webhook registration and the master key their signing secrets derive from
 * @param limits per-municipality limits
 * @param verification the double opt-in email
 * @param history how long the delivery history is kept
 * @param erasures the relay of erasures to {@code subscriptions.erasures.v1}
 */
@Validated
@ConfigurationProperties("herald.subscriptions")
public record SubscriptionsProperties(
        @DefaultValue({"en", "pl", "pt"}) @NotEmpty List<String> languages,
        @DefaultValue @Valid Topics topics,
        @DefaultValue @Valid Matcher matcher,
        @DefaultValue @Valid Unsubscribe unsubscribe,
        @DefaultValue @Valid Webhooks webhooks,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid Verification verification,
        @DefaultValue @Valid History history,
        @DefaultValue @Valid Erasures erasures) {

    /**
     * @param retention delivery outcomes older than this are deleted (GDPR data minimisation)
     * @param purgeInterval how often the purge runs
     * @param purgeBatchSize rows deleted per statement
     */
    public record History(
            @DefaultValue("90d") Duration retention,
            @DefaultValue("1h") Duration purgeInterval,
            @DefaultValue("1000") @Positive int purgeBatchSize) {}

    /**
     * @param relayInterval how often the outbox of erasures is published
     * @param batchSize erasures published per Kafka transaction
     */
    public record Erasures(
            @DefaultValue("1s") Duration relayInterval,
            @DefaultValue("100") @Positive int batchSize) {}

    /**
     * @param baseUrl public base URL of this service, for the links it hands out
     * @param secret HMAC key (at least 32 characters) signing unsubscribe and verification tokens;
     *     when absent a random one is generated at startup and links do not survive a restart
     */
    public record Unsubscribe(
            @DefaultValue("http://localhost:8082") @NotEmpty String baseUrl,
            @Nullable String secret) {}

    /**
     * @param masterKey key every webhook secret derives from: HMAC(masterKey, endpointId ‖ rotation)
     *     (ADR 0007); the notifications service must be given the same one. When absent a random one is
     *     generated at startup and secrets change at every restart (development only).
     * @param allowHttp accept plain http webhook URLs (local development only)
     * @param allowedAddresses CIDR blocks the SSRF guard lets through although its rules forbid them
     *     (local development, a receiver in the operator's own network)
     * @param rotationGrace after a rotation, how long deliveries are signed with the previous secret
     *     too, so that receivers can switch without losing a message
     * @param pingTimeout the longest wait of a test ping to connect and for each read of the answer
     */
    public record Webhooks(
            @Nullable String masterKey,
            @DefaultValue("false") boolean allowHttp,
            @DefaultValue List<String> allowedAddresses,
            @DefaultValue("24h") Duration rotationGrace,
            @DefaultValue("15s") Duration pingTimeout) {}

    /**
     * @param endpoints most endpoints a municipality can have
     * @param subscriptions most subscriptions a municipality can have
     */
    public record Limits(
            @DefaultValue("20") @Positive int endpoints,
            @DefaultValue("200") @Positive int subscriptions) {}

    /**
     * @param from sender of the confirmation email
     * @param validity how long a confirmation link works
     */
    public record Verification(
            @DefaultValue("Herald <no-reply@herald.example>") @NotEmpty
            String from,

            @DefaultValue("7d") Duration validity) {}

    /**
     * Partitions are not settings: each topic has those of {@code k8s/base/topics.yaml}.
     *
     * @param replicas replication factor of the topics this service declares; 1 suits a single local broker
     */
    public record Topics(@DefaultValue("1") @Positive int replicas) {}

    /**
     * @param fetchSize rows PostgreSQL sends per round trip while the matcher streams recipients
     * @param batchSize requests sent before the matcher waits for the broker's acknowledgements
     * @param retry back-off for a change that fails for a reason other than being unreadable
     */
    public record Matcher(
            @DefaultValue("500") @Positive int fetchSize,
            @DefaultValue("500") @Positive int batchSize,
            @DefaultValue @Valid Retry retry) {}

    /**
     * @param maxAttempts attempts before the change is dead-lettered (1 = no retry)
     * @param initialInterval first back-off
     * @param multiplier growth of the back-off between attempts
     * @param maxInterval longest back-off
     */
    public record Retry(
            @DefaultValue("10") @Min(1) int maxAttempts,
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval) {

        /** The back-off between attempts of a failing record, as the listener containers take it. */
        public ExponentialBackOffWithMaxRetries backOff() {
            var backOff = new ExponentialBackOffWithMaxRetries(maxAttempts - 1);
            backOff.setInitialInterval(initialInterval.toMillis());
            backOff.setMultiplier(multiplier);
            backOff.setMaxInterval(maxInterval.toMillis());
            return backOff;
        }
    }
}
