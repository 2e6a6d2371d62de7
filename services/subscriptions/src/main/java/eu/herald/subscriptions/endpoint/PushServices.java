package eu.herald.subscriptions.endpoint;

import eu.herald.egress.AddressGuard;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where push subscriptions may lead: this service never calls a push service, but it checks the endpoint's host
 * with the SSRF guard before storing it, as it does a webhook's, so that an internal address is refused when it
 * is given rather than at every delivery.
 */
record PushServices(AddressGuard guard, AddressGuard.Resolver resolver) {

    /**
     * Resolves the endpoint's host and checks every address.
     *
     * @throws eu.herald.egress.DestinationRefused when the guard refuses an address
     * @throws UnknownHostException when the name does not resolve
     */
    void check(URI endpoint) throws UnknownHostException {
        guard.resolve(endpoint.getHost(), resolver);
    }
}
