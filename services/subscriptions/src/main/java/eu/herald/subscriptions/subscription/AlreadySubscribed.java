package eu.herald.subscriptions.subscription;

import eu.herald.problems.Conflict;

public class AlreadySubscribed extends Conflict {

    AlreadySubscribed(Selector selector) {
        super(
                "selector",
                "The municipality already follows " + selector.type() + " " + selector.value()
                        + "; change that subscription instead.");
    }
}
