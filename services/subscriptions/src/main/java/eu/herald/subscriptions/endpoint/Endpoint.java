package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.municipality.MunicipalityId;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a municipality receives notifications.
 *
 * @param address the email address for EMAIL; the push service URL for WEB_PUSH; the URL for WEBHOOK
 * @param statusReason why the endpoint is in its status, when that is not obvious
 * @param pushP256dh WEB_PUSH: the browser's public key (base64url, uncompressed P-256 point)
 * @param pushAuth WEB_PUSH: the browser's authentication secret (base64url, 16 bytes)
 * @param secretVersion WEBHOOK: the rotation of its signing secret, from 1
 */
public record Endpoint(
        EndpointId id,
        MunicipalityId municipalityId,
        Channel channel,
        String address,
        EndpointStatus status,
        @Nullable String statusReason,
        @Nullable String pushP256dh,
        @Nullable String pushAuth,
        @Nullable Integer secretVersion,
        @Nullable Instant verifiedAt,
        Instant createdAt) {

    /** An email address waits for its owner to follow the confirmation link (double opt-in). */
    static Endpoint email(MunicipalityId municipality, String address, Clock clock) {
        return new Endpoint(
                EndpointId.generate(),
                municipality,
                Channel.EMAIL,
                address.strip(),
                EndpointStatus.PENDING_VERIFICATION,
                "waiting for the confirmation link to be followed",
                null,
                null,
                null,
                null,
                clock.instant());
    }

    /** A browser's push subscription is active at once: the browser asked for it. */
    static Endpoint webPush(MunicipalityId municipality, PushSubscription push, Clock clock) {
        return new Endpoint(
                EndpointId.generate(),
                municipality,
                Channel.WEB_PUSH,
                push.endpoint(),
                EndpointStatus.ACTIVE,
                null,
                push.p256dh(),
                push.auth(),
                null,
                null,
                clock.instant());
    }

    /** A webhook is active at once; its first secret is rotation 1. */
    static Endpoint webhook(MunicipalityId municipality, String url, Clock clock) {
        return new Endpoint(
                EndpointId.generate(),
                municipality,
                Channel.WEBHOOK,
                url,
                EndpointStatus.ACTIVE,
                null,
                null,
                null,
                1,
                null,
                clock.instant());
    }
}
