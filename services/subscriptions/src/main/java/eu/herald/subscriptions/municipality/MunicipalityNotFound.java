package eu.herald.subscriptions.municipality;

import eu.herald.problems.NotFound;

public class MunicipalityNotFound extends NotFound {

    public MunicipalityNotFound(MunicipalityId id) {
        super("There is no municipality " + id + ".");
    }
}
