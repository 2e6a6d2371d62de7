package eu.herald.notifications.webpush;

import eu.herald.egress.DestinationRefused;
import eu.herald.egress.GuardedHttpClient;
import eu.herald.egress.ReceiverResponse;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.delivery.Notifier;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.Endpoint.WebPushTarget;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends a delivery to a browser's push service (RFC 8030): the encrypted message, how long it is worth keeping
 * ({@code TTL}: until the session ends), how urgent it is and a {@code Topic} per session, so that a newer version
 * replaces an older one the browser has not fetched yet. Reminders and digests have Topics of their own.
 */
class WebPushNotifier implements Notifier {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int REASON_LENGTH = 200;

    private final GuardedHttpClient http;
    private final @Nullable Vapid vapid;
    private final Aes128Gcm encryption = new Aes128Gcm();
    private final PushMessages messages;
    private final WebPushProperties properties;
    private final Clock clock;

    /** @param vapid null when no keys are configured: every delivery then fails, saying so */
    WebPushNotifier(
            GuardedHttpClient http,
            @Nullable Vapid vapid,
            PushMessages messages,
            WebPushProperties properties,
            Clock clock) {
        this.http = http;
        this.vapid = vapid;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEB_PUSH;
    }

    @Override
    public OptionalInt concurrency() {
        return OptionalInt.of(properties.concurrency());
    }

    @Override
    public DeliveryResult send(DeliveryId delivery, NotificationRequest request, Endpoint endpoint) {
        Instant now = clock.instant();
        Session session = request.change().session();
        Instant end = session.end().atZone(session.zone()).toInstant();
        if (!end.isAfter(now)) {
            return new Rejected("the session ended at " + end + ": an alert about it is not worth delivering", false);
        }
        return push(endpoint, () -> messages.of(request), ttl(now, end), urgency(request, now), topic(session.id()));
    }

    /**
     * Kept until the session starts (the reminder has no use after it), high urgency for a lead of an hour or less;
     * its Topic is the reminder's own, so that it never replaces a notification of a change, nor one of those it.
     */
    @Override
    public DeliveryResult remind(DeliveryId delivery, NotificationRequest request, Endpoint endpoint, Duration lead) {
        Instant now = clock.instant();
        return push(
                endpoint,
                () -> messages.reminder(request, lead),
                ttl(now, request.change().session().startsAt()),
                lead.compareTo(HOUR) <= 0 ? "high" : "normal",
                topic(delivery.value()));
    }

    /** Kept for a day: the next digest tells what is newer. */
    @Override
    public DeliveryResult sendDigest(DeliveryId delivery, Digest digest, Endpoint endpoint) {
        Instant now = clock.instant();
        return push(
                endpoint, () -> messages.digest(digest), ttl(now, now.plus(DAY)), "normal", topic(delivery.value()));
    }

    private DeliveryResult push(Endpoint endpoint, Supplier<byte[]> message, long ttl, String urgency, String topic) {
        WebPushTarget target = Objects.requireNonNull(endpoint.webPush(), "webPush");
        if (vapid == null) {
            return new Rejected(
                    "web push is not configured: herald.notifications.web-push.vapid-public-key and"
                            + " vapid-private-key are not set",
                    false);
        }
        byte[] body;
        try {
            body = encryption.encrypt(message.get(), P256.decode(target.p256dh()), P256.decode(target.auth()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Rejected("the push subscription's keys are unusable: " + e.getMessage(), false);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("TTL", Long.toString(ttl));
        headers.put("Urgency", urgency);
        headers.put("Topic", topic);
        headers.put("Content-Encoding", "aes128gcm");
        headers.put("Authorization", vapid.authorization(target.endpoint()));
        ReceiverResponse response;
        try {
            response = http.post(target.endpoint(), headers, body, "application/octet-stream");
        } catch (DestinationRefused e) {
            return new Rejected("the push service's address is refused: " + e.getMessage(), false);
        } catch (IOException e) {
            return new Deferred("the push service could not be reached: " + e);
        }
        return outcome(response, clock.instant());
    }

    /** What a push service's answer means (RFC 8030 section 5, 6.2, 8.3). */
    static DeliveryResult outcome(ReceiverResponse response, Instant now) {
        int status = response.status();
        String answer = "push service answered " + status + said(response.excerpt());
        if (status >= 200 && status < 300) {
            // 201 Created is the answer RFC 8030 prescribes; other 2xx also mean the message was accepted
            return new Delivered(now);
        }
        if (status == 404 || status == 410) {
            // the subscription expired or the user revoked it: subscriptions disables the endpoint
            return new Rejected(answer + ": the subscription is gone", true);
        }
        if (status == 429 || status == 503) {
            return new Deferred(answer, response.retryAfter(now).orElse(null));
        }
        if (status == 413) {
            return new Rejected(answer + ": the message is too large", false);
        }
        if (status >= 400 && status < 500) {
            return new Rejected(answer, false);
        }
        return new Deferred(answer);
    }

    /**
     * Until {@code end} (a session's end, a reminder's start), at most {@code longest-ttl}, never less than 0: after
     * it the message has no use.
     */
    long ttl(Instant now, Instant end) {
        long seconds = Math.min(
                Duration.between(now, end).getSeconds(), properties.longestTtl().getSeconds());
        return Math.max(seconds, 0);
    }

    /** A cancellation, or a change within a day of the start, must reach a phone that is saving its battery. */
    static String urgency(NotificationRequest request, Instant now) {
        ChangeKind kind = request.change().kind();
        if (kind == ChangeKind.CANCELLED) {
            return "high";
        }
        Instant start = request.change().session().startsAt();
        boolean soon = Duration.between(now, start).compareTo(DAY) <= 0;
        return kind != ChangeKind.PUBLISHED && soon ? "high" : "normal";
    }

    /**
     * The session id's 16 bytes in base64url: 22 characters of the alphabet RFC 8030 allows (at most 32), the same
     * for every version of the session, so the push service keeps only the newest undelivered one.
     */
    static String topic(SessionId session) {
        return topic(session.value());
    }

    /** A UUID's 16 bytes in base64url: a Topic of its own for a reminder or a digest (their delivery id). */
    static String topic(UUID id) {
        ByteBuffer bytes =
                ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static String said(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return ": " + (line.length() <= REASON_LENGTH ? line : line.substring(0, REASON_LENGTH) + "…");
    }
}
