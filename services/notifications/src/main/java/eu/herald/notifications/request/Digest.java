package eu.herald.notifications.request;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A recipient's daily digest for one endpoint: every change since its last digest, one per session (the latest,
 * with what changed since the version the endpoint last received), ordered by event and then by the session's start.
 *
 * @param at when the digest was due: with the endpoint it identifies the digest
 */
public record Digest(Recipient recipient, Instant at, List<SessionChange> changes) {

    public Digest {
        changes = changes.stream()
                .sorted(Comparator.comparing((SessionChange change) ->
                                String.valueOf(change.session().eventId()))
                        .thenComparing(change -> change.session().startsAt())
                        .thenComparing(change -> change.session().id().value()))
                .toList();
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a digest needs at least one change");
        }
    }
}
