package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.municipality.MunicipalityId;
import eu.herald.subscriptions.problem.NotFound;

public class EndpointNotFound extends NotFound {

    public EndpointNotFound(MunicipalityId municipality, EndpointId endpoint) {
        super("Municipality " + municipality + " has no endpoint " + endpoint + ".");
    }
}
