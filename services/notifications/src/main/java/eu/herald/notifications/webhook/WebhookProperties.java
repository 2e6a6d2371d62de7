package eu.herald.notifications.webhook;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param masterKey the key every webhook secret derives from (ADR 0007): the same value as the subscriptions
 *     service's {@code herald.subscriptions.webhooks.master-key}. Without it no webhook is sent: they fail,
 *     because a webhook is never sent unsigned.
 * @param allowHttp accept plain http webhook URLs (local development only)
 * @param allowedAddresses CIDR blocks the SSRF guard lets through although its rules forbid them (a receiver in
 *     the operator's own network, local development, tests)
 * @param retrySchedule the waits before each retry (Standard Webhooks: the first attempt is immediate, then 5 s,
 *     5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h)
 * @param timeout the longest wait to connect, for each read of the answer and for a pooled connection
 * @param concurrency webhooks posted at once per instance
 * @param maxPerHost connections at once to one destination (scheme, host, port): how hard one receiver is pushed
 * @param maxConnections pooled connections in all
 * @param sslBundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material checks https
 *     receivers' certificates (receivers in the operator's network with a private authority's certificate);
 *     without it, the JVM's trust store
 */
@Validated
@ConfigurationProperties("herald.notifications.webhooks")
record WebhookProperties(
        @Nullable String masterKey,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue List<String> allowedAddresses,

        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"}) @NotEmpty
        List<Duration> retrySchedule,

        @DefaultValue("15s") Duration timeout,
        @DefaultValue("16") @Min(1) int concurrency,
        @DefaultValue("4") @Min(1) int maxPerHost,
        @DefaultValue("200") @Min(1) int maxConnections,
        @Nullable String sslBundle) {}
