package eu.herald.catalogue.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a revision changed: its kind, the changed fields (named as in the session snapshot of
 * {@code catalogue.session-changes.v1}) and their previous values.
 */
public record SessionChange(ChangeKind kind, List<String> changedFields, Map<String, @Nullable Object> previous) {

    private static final List<Field> FIELDS = List.of(
            new Field("eventId", SessionDetails::eventId, ChangeKind.UPDATED),
            new Field("defaultLanguage", SessionDetails::defaultLanguage, ChangeKind.UPDATED),
            new Field("title", SessionDetails::title, ChangeKind.UPDATED),
            new Field("description", SessionDetails::description, ChangeKind.UPDATED),
            new Field("start", SessionDetails::start, ChangeKind.RESCHEDULED),
            new Field("end", SessionDetails::end, ChangeKind.RESCHEDULED),
            new Field("zone", SessionDetails::zone, ChangeKind.RESCHEDULED),
            new Field("format", SessionDetails::format, ChangeKind.UPDATED),
            new Field("venue", SessionDetails::venue, ChangeKind.RELOCATED),
            new Field("platform", SessionDetails::platform, ChangeKind.RELOCATED),
            new Field("joinLink", SessionDetails::joinLink, ChangeKind.RELOCATED),
            new Field("registrationLink", SessionDetails::registrationLink, ChangeKind.UPDATED),
            new Field("languages", SessionDetails::languages, ChangeKind.UPDATED),
            new Field("organisers", SessionDetails::organisers, ChangeKind.UPDATED),
            new Field("themes", SessionDetails::themes, ChangeKind.UPDATED));

    public SessionChange {
        changedFields = List.copyOf(changedFields);
        previous = Collections.unmodifiableMap(new LinkedHashMap<>(previous));
    }

    /**
     * The change from one version's details to the next, or empty when they are the same. The kind is
     * the most disruptive one among the changed fields: a new time outweighs a new place, which outweighs
     * anything else.
     */
    public static Optional<SessionChange> between(SessionDetails before, SessionDetails after) {
        var changedFields = new ArrayList<String>();
        var previous = new LinkedHashMap<String, @Nullable Object>();
        ChangeKind kind = ChangeKind.UPDATED;
        for (Field field : FIELDS) {
            Object old = field.value().apply(before);
            if (!Objects.equals(old, field.value().apply(after))) {
                changedFields.add(field.name());
                previous.put(field.name(), old);
                if (field.kind().compareTo(kind) < 0) {
                    kind = field.kind();
                }
            }
        }
        return changedFields.isEmpty()
                ? Optional.empty()
                : Optional.of(new SessionChange(kind, changedFields, previous));
    }

    private record Field(String name, Function<SessionDetails, @Nullable Object> value, ChangeKind kind) {}
}
