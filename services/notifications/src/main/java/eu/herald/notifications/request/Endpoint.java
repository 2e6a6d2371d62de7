package eu.herald.notifications.request;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where the recipient wants to hear about it: {@code address} is set for EMAIL, {@code webPush} for WEB_PUSH and
 * {@code webhook} for WEBHOOK.
 */
public record Endpoint(
        EndpointId id,
        Channel channel,
        @Nullable String address,
        @Nullable String unsubscribeUrl,
        @Nullable WebPushTarget webPush,
        @Nullable WebhookTarget webhook) {

    public Endpoint {
        if (channel == Channel.EMAIL && (address == null || address.isBlank())) {
            throw new IllegalArgumentException("an EMAIL endpoint needs an address");
        }
        if (channel == Channel.WEB_PUSH && webPush == null) {
            throw new IllegalArgumentException("a WEB_PUSH endpoint needs its push subscription");
        }
        if (channel == Channel.WEBHOOK && webhook == null) {
            throw new IllegalArgumentException("a WEBHOOK endpoint needs its URL and secret version");
        }
    }

    /** An EMAIL endpoint. */
    public Endpoint(EndpointId id, Channel channel, @Nullable String address, @Nullable String unsubscribeUrl) {
        this(id, channel, address, unsubscribeUrl, null, null);
    }

    /**
     * A browser's push subscription (RFC 8030 push resource, RFC 8291 keys as base64url text).
     *
     * @param p256dh the user agent's P-256 public key, uncompressed point, base64url
     * @param auth the 16-byte authentication secret, base64url
     */
    public record WebPushTarget(URI endpoint, String p256dh, String auth) {}

    /**
     * Where to post and which rotation of the derived signing secret to sign with (ADR 0007).
     *
     * @param previousSecretUntil while the secret was rotated recently: until when the previous rotation's secret
     *     still signs too (Standard Webhooks' grace period); null otherwise
     */
    public record WebhookTarget(
            URI url, int secretVersion, @Nullable Instant previousSecretUntil) {}
}
