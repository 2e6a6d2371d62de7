package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.problem.Conflict;

public class EndpointAlreadyRegistered extends Conflict {

    EndpointAlreadyRegistered(Channel channel, String address) {
        super("address", "The municipality already has the " + channel + " endpoint " + address + ".");
    }
}
