package eu.herald.notifications.webpush;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param vapidPublicKey the application server's public key, an uncompressed P-256 point in base64url: the same
 *     one subscriptions hands to browsers as {@code applicationServerKey}
 * @param vapidPrivateKey its private key, the 32-byte scalar in base64url (a secret: mount it, never commit it)
 * @param subject the contact push services may use ({@code mailto:} or {@code https:}), the JWT's {@code sub}
 * @param tokenValidity how far ahead a VAPID token expires (at most 24 h, RFC 8292)
 * @param longestTtl the longest time a push service is asked to keep an undelivered message
 * @param connectTimeout connecting to a push service
 * @param requestTimeout waiting for a push service's answer
 * @param concurrency web push deliveries attempted at once per instance
 * @param sslBundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material checks push
 *     services' certificates; without it, the JVM's trust store
 * @param sessionUrl where a click on the notification leads; {@code {sessionId}} is replaced by the session's id
 * @param allowedAddresses CIDR blocks the address guard lets through although they are private, loopback, … (a
 *     push subscription's endpoint is a URL a municipality user gave: it is checked like a webhook's)
 */
@Validated
@ConfigurationProperties("herald.notifications.web-push")
record WebPushProperties(
        @Nullable String vapidPublicKey,
        @Nullable String vapidPrivateKey,

        @DefaultValue("mailto:webpush@herald.local")
        @Pattern(regexp = "(mailto:|https://)\\S+", message = "must be a mailto: or https: URL")
        String subject,

        @DefaultValue("12h") Duration tokenValidity,
        @DefaultValue("28d") Duration longestTtl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("8") @Min(1) int concurrency,
        @Nullable String sslBundle,

        @DefaultValue("http://localhost:8081/api/sessions/{sessionId}") @NotBlank
        String sessionUrl,

        @DefaultValue List<String> allowedAddresses) {

    @AssertTrue(message = "token-validity must be more than 0 and at most 24h (RFC 8292)")
    boolean isTokenValidityWithinADay() {
        return !tokenValidity.isNegative()
                && !tokenValidity.isZero()
                && tokenValidity.compareTo(Vapid.LONGEST_VALIDITY) <= 0;
    }

    @AssertTrue(message = "vapid-public-key and vapid-private-key are set together or not at all")
    boolean isVapidPairComplete() {
        return (vapidPublicKey == null || vapidPublicKey.isBlank())
                == (vapidPrivateKey == null || vapidPrivateKey.isBlank());
    }

    boolean vapidConfigured() {
        return vapidPublicKey != null && !vapidPublicKey.isBlank();
    }
}
