package eu.herald.subscriptions.endpoint;

import eu.herald.egress.DestinationRefused;
import eu.herald.egress.WebhookSecrets;
import eu.herald.egress.WebhookSender;
import eu.herald.problems.InvalidInput;
import eu.herald.problems.Violation;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers the endpoints of a municipality, within its limits and without duplicates. */
@Service
public class EndpointRegistration {

    private final Municipalities municipalities;
    private final Endpoints endpoints;
    private final WebhookSecrets secrets;
    private final WebhookSender webhooks;
    private final PushServices pushServices;
    private final TransactionTemplate transaction;
    private final SubscriptionsProperties properties;
    private final Clock clock;

    EndpointRegistration(
            Municipalities municipalities,
            Endpoints endpoints,
            WebhookSecrets secrets,
            WebhookSender webhooks,
            PushServices pushServices,
            PlatformTransactionManager transactions,
            SubscriptionsProperties properties,
            Clock clock) {
        this.municipalities = municipalities;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.webhooks = webhooks;
        this.pushServices = pushServices;
        this.transaction = new TransactionTemplate(transactions);
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

    /**
     * A new push subscription, active at once. Like a webhook's URL, its endpoint's host is resolved and every
     * address checked by the SSRF guard before anything is stored, outside the transaction; the notifications
     * service checks again at every delivery.
     */
    public Registered registerWebPush(MunicipalityId municipality, PushSubscription push) {
        List<Violation> errors = new ArrayList<>();
        check(errors, "subscription.endpoint", EndpointAddresses.pushEndpointProblem(push.endpoint()));
        check(errors, "subscription.keys.p256dh", EndpointAddresses.p256dhProblem(push.p256dh()));
        check(errors, "subscription.keys.auth", EndpointAddresses.authProblem(push.auth()));
        if (!errors.isEmpty()) {
            throw new InvalidInput("The push subscription is malformed.", errors);
        }
        checkDestination("subscription.endpoint", URI.create(push.endpoint()), pushServices::check);
        return transaction.execute(status ->
                new Registered(add(Endpoint.webPush(municipality, push, clock), "subscription.endpoint"), null));
    }

    /**
     * A new webhook, active at once, with its first secret. Its host is resolved and every address checked by
     * the SSRF guard before anything is stored (outside the transaction: a lookup can take seconds); the
     * notifications service checks again at every delivery, since DNS can change.
     */
    public Registered registerWebhook(MunicipalityId municipality, String url) {
        String problem =
                EndpointAddresses.webhookUrlProblem(url, properties.webhooks().allowHttp());
        if (problem != null) {
            throw new InvalidInput("url", problem);
        }
        checkDestination("url", URI.create(url), webhooks::check);
        return transaction.execute(status -> {
            Endpoint endpoint = add(Endpoint.webhook(municipality, url, clock), "url");
            return new Registered(endpoint, secrets.secret(endpoint.id().value(), 1));
        });
    }

    /** A check of where a URL leads: its host resolved and every address passed by the SSRF guard. */
    @FunctionalInterface
    private interface Destinations {

        void check(URI url) throws UnknownHostException;
    }

    private static void checkDestination(String field, URI url, Destinations destinations) {
        try {
            destinations.check(url);
        } catch (DestinationRefused e) {
            throw new InvalidInput(field, "must not point at a forbidden address: " + e.reason());
        } catch (UnknownHostException e) {
            throw new InvalidInput(field, "must have a host that resolves: " + url.getHost() + " does not");
        }
    }

    /**
     * A new signing secret for the webhook, shown this once. Deliveries are signed with the previous one too for
     * {@code herald.subscriptions.webhooks.rotation-grace}, so that the receiver can switch without a gap.
     */
    @Transactional
    public Registered rotateSecret(MunicipalityId municipality, EndpointId id) {
        Endpoint endpoint = endpoints.find(municipality, id).orElseThrow(() -> new EndpointNotFound(municipality, id));
        if (endpoint.channel() != Channel.WEBHOOK) {
            throw new InvalidInput("channel", "only a WEBHOOK endpoint has a secret to rotate");
        }
        int rotation = endpoints.rotateSecret(id, clock.instant());
        Endpoint rotated = endpoints.find(municipality, id).orElseThrow();
        return new Registered(rotated, secrets.secret(id.value(), rotation));
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

    private static void check(List<Violation> errors, String field, @Nullable String problem) {
        if (problem != null) {
            errors.add(new Violation(field, problem));
        }
    }
}
