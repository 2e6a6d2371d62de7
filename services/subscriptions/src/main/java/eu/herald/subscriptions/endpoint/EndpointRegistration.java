package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import eu.herald.subscriptions.problem.InvalidField;
import eu.herald.subscriptions.problem.InvalidInput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers the endpoints of a municipality, within its limits and without duplicates. */
@Service
public class EndpointRegistration {

    private final Municipalities municipalities;
    private final Endpoints endpoints;
    private final WebhookSecrets secrets;
    private final SubscriptionsProperties properties;
    private final Clock clock;

    EndpointRegistration(
            Municipalities municipalities,
            Endpoints endpoints,
            WebhookSecrets secrets,
            SubscriptionsProperties properties,
            Clock clock) {
        this.municipalities = municipalities;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A registered endpoint; {@code secret} is the webhook's signing secret, shown this once.
     */
    public record Registered(Endpoint endpoint, @Nullable String secret) {}

    /** A new email endpoint, pending until the confirmation link is followed; the same address twice (ignoring case) is a conflict. */
    @Transactional
    public Registered registerEmail(MunicipalityId municipality, String address) {
        return new Registered(add(Endpoint.email(municipality, address, clock), "address"), null);
    }

    @Transactional
    public Registered registerWebPush(MunicipalityId municipality, PushSubscription push) {
        List<InvalidField> errors = new ArrayList<>();
        check(errors, "subscription.endpoint", EndpointAddresses.pushEndpointProblem(push.endpoint()));
        check(errors, "subscription.keys.p256dh", EndpointAddresses.p256dhProblem(push.p256dh()));
        check(errors, "subscription.keys.auth", EndpointAddresses.authProblem(push.auth()));
        if (!errors.isEmpty()) {
            throw new InvalidInput("The push subscription is malformed.", errors);
        }
        return new Registered(add(Endpoint.webPush(municipality, push, clock), "subscription.endpoint"), null);
    }

    @Transactional
    public Registered registerWebhook(MunicipalityId municipality, String url) {
        String problem =
                EndpointAddresses.webhookUrlProblem(url, properties.webhooks().allowHttp());
        if (problem != null) {
            throw new InvalidInput("url", problem);
        }
        Endpoint endpoint = add(Endpoint.webhook(municipality, url, clock), "url");
        return new Registered(endpoint, secrets.secret(endpoint.id(), 1));
    }

    /** A new signing secret for the webhook, shown this once; the previous one stops being used. */
    @Transactional
    public Registered rotateSecret(MunicipalityId municipality, EndpointId id) {
        Endpoint endpoint = endpoints.find(municipality, id).orElseThrow(() -> new EndpointNotFound(municipality, id));
        if (endpoint.channel() != Channel.WEBHOOK) {
            throw new InvalidInput("channel", "only a WEBHOOK endpoint has a secret to rotate");
        }
        int rotation = endpoints.rotateSecret(id);
        Endpoint rotated = endpoints.find(municipality, id).orElseThrow();
        return new Registered(rotated, secrets.secret(id, rotation));
    }

    private Endpoint add(Endpoint endpoint, String field) {
        MunicipalityId municipality = endpoint.municipalityId();
        municipalities.lock(municipality);
        if (endpoints.hasAddress(municipality, endpoint.channel(), endpoint.address())) {
            throw new EndpointAlreadyRegistered(field, endpoint.channel(), endpoint.address());
        }
        int limit = properties.limits().endpoints();
        if (endpoints.count(municipality) >= limit) {
            throw new InvalidInput(
                    "channel", "the municipality already has the most endpoints allowed (" + limit + ")");
        }
        try {
            endpoints.add(endpoint);
        } catch (DuplicateKeyException concurrentRegistration) {
            throw new EndpointAlreadyRegistered(field, endpoint.channel(), endpoint.address());
        }
        return endpoint;
    }

    private static void check(List<InvalidField> errors, String field, @Nullable String problem) {
        if (problem != null) {
            errors.add(new InvalidField(field, problem));
        }
    }
}
