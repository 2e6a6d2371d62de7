package eu.herald.subscriptions.endpoint;

import eu.herald.problems.NotFound;
import eu.herald.subscriptions.municipality.MunicipalityId;

public class EndpointNotFound extends NotFound {

    public EndpointNotFound(MunicipalityId municipality, EndpointId endpoint) {
        super("Municipality " + municipality + " has no endpoint " + endpoint + ".");
    }
}
