package eu.herald.subscriptions.endpoint;

import eu.herald.egress.CloudEvent;
import eu.herald.egress.DestinationRefused;
import eu.herald.egress.ReceiverResponse;
import eu.herald.egress.WebhookSecrets;
import eu.herald.egress.WebhookSender;
import eu.herald.problems.InvalidInput;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test ping to a municipality's webhook: a CloudEvent of type {@code eu.herald.endpoint.ping.v1}, signed and
 * guarded exactly as deliveries are (the same client and signer, from {@code eu.herald.egress}), sent at once, so
 * that the municipality sees whether its receiver verifies and answers.
 */
@Service
public class WebhookPing {

    static final String TYPE = "eu.herald.endpoint.ping.v1";

    private final Endpoints endpoints;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final JsonMapper json;
    private final Duration rotationGrace;
    private final Clock clock;

    WebhookPing(
            Endpoints endpoints,
            WebhookSender sender,
            WebhookSecrets secrets,
            JsonMapper json,
            SubscriptionsProperties properties,
            Clock clock) {
        this.endpoints = endpoints;
        this.sender = sender;
        this.secrets = secrets;
        this.json = json;
        this.rotationGrace = properties.webhooks().rotationGrace();
        this.clock = clock;
    }

    /**
     * What the receiver made of the ping.
     *
     * @param webhookId the ping's {@code webhook-id} (and CloudEvent id)
     * @param status the receiver's HTTP status code, null when it did not answer
     * @param error why there was no answer (connection refused, a timeout), null when it answered
     */
    public record Pinged(
            UUID endpointId,
            String url,
            String webhookId,
            @Nullable Integer status,
            boolean successful,
            long durationMillis,
            @Nullable String error) {}

    record PingData(String municipalityId, String endpointId, String message) {}

    /**
     * @throws EndpointNotFound when the municipality has no such endpoint
     * @throws InvalidInput when it is not a webhook, or the SSRF guard refuses its URL now
     */
    public Pinged ping(MunicipalityId municipality, EndpointId id) {
        Endpoint endpoint = endpoints.find(municipality, id).orElseThrow(() -> new EndpointNotFound(municipality, id));
        Integer rotation = endpoint.secretVersion();
        if (endpoint.channel() != Channel.WEBHOOK || rotation == null) {
            throw new InvalidInput("channel", "only a WEBHOOK endpoint can be pinged");
        }
        Instant now = clock.instant();
        String webhookId = UUID.randomUUID().toString();
        byte[] body = json.writeValueAsBytes(CloudEvent.of(
                webhookId,
                TYPE,
                "/herald/subscriptions",
                id.toString(),
                now,
                new PingData(municipality.toString(), id.toString(), "A test ping from Herald.")));
        Instant previousSecretUntil = endpoints
                .secretRotatedAt(id)
                .map(rotated -> rotated.plus(rotationGrace))
                .orElse(null);
        URI url = URI.create(endpoint.address());
        long started = System.nanoTime();
        try {
            ReceiverResponse response = sender.post(
                    url,
                    webhookId,
                    now,
                    body,
                    CloudEvent.CONTENT_TYPE,
                    secrets.signing(id.value(), rotation, previousSecretUntil, now));
            return new Pinged(
                    id.value(),
                    endpoint.address(),
                    webhookId,
                    response.status(),
                    response.successful(),
                    response.took().toMillis(),
                    null);
        } catch (DestinationRefused e) {
            throw new InvalidInput("url", "must not point at a forbidden address: " + e.reason());
        } catch (IOException e) {
            return new Pinged(
                    id.value(),
                    endpoint.address(),
                    webhookId,
                    null,
                    false,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    "no answer: " + e);
        }
    }
}
