package eu.herald.notifications.webhook;

import eu.herald.egress.CloudEvent;
import eu.herald.egress.DestinationRefused;
import eu.herald.egress.ReceiverResponse;
import eu.herald.egress.WebhookSecrets;
import eu.herald.egress.WebhookSender;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.delivery.Notifier;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.Endpoint.WebhookTarget;
import eu.herald.notifications.request.NotificationRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Posts a delivery to a webhook as Standard Webhooks v1 prescribes: {@code webhook-id} is the delivery id (the
 * same on every attempt, for the receiver to deduplicate), {@code webhook-timestamp} the time of the attempt, and
 * {@code webhook-signature} the signature with the endpoint's current secret, followed by the previous rotation's
 * while its grace period lasts. Only 2xx is success; a redirect is not followed and fails; 410 means the endpoint
 * is gone; 429, 502, 503 and 504 (and other 5xx, and no answer at all) are tried again, not before the receiver's
 * {@code Retry-After}; other 4xx fail.
 */
class WebhookNotifier implements Notifier {

    private final WebhookSender sender;
    private final @Nullable WebhookSecrets secrets;
    private final SessionChangeEvents events;
    private final ReminderEvents reminders;
    private final DigestEvents digests;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookNotifier(
            WebhookSender sender,
            @Nullable WebhookSecrets secrets,
            SessionChangeEvents events,
            WebhookProperties properties,
            Clock clock) {
        this.sender = sender;
        this.secrets = secrets;
        this.events = events;
        this.reminders = new ReminderEvents(events);
        this.digests = new DigestEvents(events);
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Optional<List<Duration>> retrySchedule() {
        return Optional.of(properties.retrySchedule());
    }

    @Override
    public OptionalInt concurrency() {
        return OptionalInt.of(properties.concurrency());
    }

    @Override
    public DeliveryResult send(DeliveryId delivery, NotificationRequest request, Endpoint endpoint) {
        return post(delivery, endpoint, () -> events.render(delivery, request));
    }

    /** A {@code eu.herald.session.reminder.v1} event: the session, its start and the reminder's lead. */
    @Override
    public DeliveryResult remind(DeliveryId delivery, NotificationRequest request, Endpoint endpoint, Duration lead) {
        return post(delivery, endpoint, () -> reminders.render(delivery, request, lead));
    }

    /** One {@code eu.herald.session.digest.v1} event with every change of the digest. */
    @Override
    public DeliveryResult sendDigest(DeliveryId delivery, Digest digest, Endpoint endpoint) {
        return post(delivery, endpoint, () -> digests.render(delivery, digest));
    }

    private DeliveryResult post(DeliveryId delivery, Endpoint endpoint, Supplier<byte[]> body) {
        WebhookTarget target = endpoint.webhook();
        if (target == null) {
            return new Rejected("a WEBHOOK endpoint without its URL", false);
        }
        WebhookSecrets derived = secrets;
        if (derived == null) {
            return new Rejected(
                    "herald.notifications.webhooks.master-key is not set: a webhook is never sent unsigned", false);
        }
        Instant now = clock.instant();
        ReceiverResponse response;
        try {
            response = sender.post(
                    target.url(),
                    delivery.toString(),
                    now,
                    body.get(),
                    CloudEvent.CONTENT_TYPE,
                    derived.signing(endpoint.id().value(), target.secretVersion(), target.previousSecretUntil(), now));
        } catch (DestinationRefused e) {
            return new Rejected("refused by the SSRF guard: " + e.reason(), false);
        } catch (IOException e) {
            return new Deferred("no answer from the receiver: " + e, null);
        }
        return outcome(response, clock.instant());
    }

    static DeliveryResult outcome(ReceiverResponse response, Instant now) {
        int status = response.status();
        if (response.successful()) {
            return new Delivered(now, status);
        }
        if (status >= 300 && status < 400) {
            return new Rejected("the receiver answered " + status + "; redirects are not followed", false, status);
        }
        if (status == 410) {
            return new Rejected("the receiver answered 410 Gone: the endpoint is disabled", true, status);
        }
        if (status == 429 || status >= 500) {
            return new Deferred(
                    "the receiver answered " + status, response.retryAfter(now).orElse(null), status);
        }
        return new Rejected("the receiver answered " + status, false, status);
    }
}
