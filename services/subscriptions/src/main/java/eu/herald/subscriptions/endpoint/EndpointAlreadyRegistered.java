package eu.herald.subscriptions.endpoint;

import eu.herald.problems.Conflict;

public class EndpointAlreadyRegistered extends Conflict {

    EndpointAlreadyRegistered(String field, Channel channel, String address) {
        super(field, "The municipality already has the " + channel + " endpoint " + address + ".");
    }
}
