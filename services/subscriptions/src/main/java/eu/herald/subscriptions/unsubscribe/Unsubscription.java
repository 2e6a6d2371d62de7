package eu.herald.subscriptions.unsubscribe;

import eu.herald.subscriptions.endpoint.Endpoint;
import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.endpoint.Endpoints;
import eu.herald.subscriptions.municipality.MunicipalityId;
import eu.herald.subscriptions.subscription.Subscription;
import eu.herald.subscriptions.subscription.SubscriptionId;
import eu.herald.subscriptions.subscription.Subscriptions;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Honours unsubscribe links: the endpoint named by the token stops receiving what the subscription
 * named by the token brings (it is muted in that subscription). Other subscriptions and other
 * endpoints are untouched; unsubscribing twice is harmless.
 */
@Service
public class Unsubscription {

    /** What a genuine token names. */
    public record Target(UUID endpointId, UUID subscriptionId) {}

    /** What an unsubscribe page shows. */
    public record Described(Endpoint endpoint, Subscription subscription) {}

    private final UnsubscribeLinks links;
    private final Endpoints endpoints;
    private final Subscriptions subscriptions;

    Unsubscription(UnsubscribeLinks links, Endpoints endpoints, Subscriptions subscriptions) {
        this.links = links;
        this.endpoints = endpoints;
        this.subscriptions = subscriptions;
    }

    /** What the token would unsubscribe, changing nothing; empty when the token is not genuine or stale. */
    @Transactional(readOnly = true)
    public Optional<Described> describe(String token) {
        return links.target(token)
                .flatMap(target -> endpoints
                        .find(new EndpointId(target.endpointId()))
                        .flatMap(endpoint -> subscriptions
                                .find(new SubscriptionId(target.subscriptionId()))
                                .filter(subscription ->
                                        subscription.municipalityId().equals(endpoint.municipalityId()))
                                .map(subscription -> new Described(endpoint, subscription))));
    }

    /**
     * The municipality of the endpoint a genuine token names, even when the subscription is gone: what a page
     * saying that the link is not valid any more is written for.
     */
    @Transactional(readOnly = true)
    public Optional<MunicipalityId> municipalityOf(String token) {
        return links.target(token)
                .flatMap(target -> endpoints.find(new EndpointId(target.endpointId())))
                .map(Endpoint::municipalityId);
    }

    @Transactional
    public Optional<Described> unsubscribe(String token) {
        Optional<Described> described = describe(token);
        described.ifPresent(found ->
                subscriptions.mute(found.subscription().id(), found.endpoint().id()));
        return described;
    }
}
