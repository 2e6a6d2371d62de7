package eu.herald.notifications.request;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A change of a session: its snapshot at the new version and the previous values of the fields that changed
 * (names as in the snapshot, values as plain JSON values: strings, numbers, booleans, lists, maps or null).
 */
public record SessionChange(
        ChangeId id,
        ChangeKind kind,
        Instant occurredAt,
        Session session,
        Map<String, @Nullable Object> previous,
        List<String> changedFields) {

    public SessionChange {
        previous = Collections.unmodifiableMap(new LinkedHashMap<>(previous));
        changedFields = List.copyOf(changedFields);
    }
}
