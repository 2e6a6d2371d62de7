package eu.herald.catalogue.session;

import eu.herald.catalogue.shared.Texts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A published session changed (or was published, or cancelled). Raised inside the transaction that stores
 * the change, so whatever records it commits or rolls back together with the session.
 *
 * @param session the whole session at its new version
 * @param eventName the name of the session's event as the change is stored; null when it belongs to no event
 * @param previous previous values of exactly the {@code changedFields}; empty when published
 */
public record SessionChanged(
        UUID changeId,
        ChangeKind kind,
        Instant occurredAt,
        Session session,
        @Nullable Texts eventName,
        Map<String, @Nullable Object> previous,
        List<String> changedFields) {

    static SessionChanged published(Session session, @Nullable Texts eventName, Instant now) {
        return new SessionChanged(
                UUID.randomUUID(), ChangeKind.PUBLISHED, now, session, eventName, Map.of(), List.of());
    }

    static SessionChanged revised(Session session, @Nullable Texts eventName, SessionChange change, Instant now) {
        return new SessionChanged(
                UUID.randomUUID(), change.kind(), now, session, eventName, change.previous(), change.changedFields());
    }

    static SessionChanged cancelled(Session before, Session cancelled, @Nullable Texts eventName, Instant now) {
        var previous = new LinkedHashMap<String, @Nullable Object>();
        previous.put("status", before.status());
        previous.put("cancellationReason", before.cancellationReason());
        return new SessionChanged(
                UUID.randomUUID(),
                ChangeKind.CANCELLED,
                now,
                cancelled,
                eventName,
                previous,
                List.of("status", "cancellationReason"));
    }
}
