package eu.herald.subscriptions.matching;

import eu.herald.subscriptions.subscription.ChangeKind;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the matcher reads of a change to find the municipalities it concerns: the subscriptions to the session,
 * to its event and to any of its themes that take this kind of change.
 *
 * @param eventId the session's event; null when it belongs to none
 * @param themes the session's theme slugs at its new version
 */
public record ChangeCriteria(UUID sessionId, @Nullable UUID eventId, List<String> themes, ChangeKind kind) {

    public ChangeCriteria {
        themes = List.copyOf(themes);
    }
}
