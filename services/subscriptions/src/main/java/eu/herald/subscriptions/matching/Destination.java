package eu.herald.subscriptions.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One active endpoint a request is delivered to.
 *
 * @param channel EMAIL, WEB_PUSH or WEBHOOK
 * @param address the confirmed email address for EMAIL
 * @param webPush the browser's push subscription for WEB_PUSH
 * @param webhook the URL and secret rotation for WEBHOOK; the secret itself never travels (ADR 0007)
 * @param unsubscribeUrl signed one-click unsubscribe link (RFC 8058) for this endpoint and the
 *     subscription that brought the change to it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Destination(
        UUID endpointId,
        String channel,
        @Nullable String address,
        @Nullable WebPush webPush,
        @Nullable Webhook webhook,
        @Nullable String unsubscribeUrl) {

    /** RFC 8030/8291: where to post and the keys to encrypt for. */
    public record WebPush(String endpoint, String p256dh, String auth) {}

    /**
     * Standard Webhooks: where to post, and which rotation of the derived secret signs it;
     * {@code previousSecretUntil} while a rotation's grace period lasts (the previous secret signs too).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhook(
            String url, int secretVersion, @Nullable Instant previousSecretUntil) {

        public Webhook(String url, int secretVersion) {
            this(url, secretVersion, null);
        }
    }

    static Destination email(UUID endpointId, String address, @Nullable String unsubscribeUrl) {
        return new Destination(endpointId, "EMAIL", address, null, null, unsubscribeUrl);
    }
}
