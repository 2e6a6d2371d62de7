package eu.herald.catalogue.session.web;

import eu.herald.catalogue.session.ChangeKind;
import eu.herald.catalogue.session.SessionChange;
import eu.herald.catalogue.session.SessionRevision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What saving a session's change would do, shown before it is saved.
 *
 * @param version the version the change applies to (the If-Match it was previewed with)
 * @param kind how the change would be announced; null when nothing changes
 * @param changedFields the fields that change, named as in the session
 * @param previous the value each changed field has now, as the session shows it
 * @param current the value each changed field would have
 * @param session the session as the change would leave it, at the version it applies to
 * @param announced whether the change would be told to its followers: a draft's changes are not
 */
record SessionPreview(
        UUID sessionId,
        int version,
        @Nullable ChangeKind kind,
        List<String> changedFields,
        Map<String, JsonNode> previous,
        Map<String, JsonNode> current,
        SessionView session,
        boolean announced) {

    static SessionPreview of(SessionRevision revision, JsonMapper json) {
        SessionChange change = revision.change();
        List<String> fields = change == null ? List.of() : change.changedFields();
        SessionView before = SessionView.of(revision.current());
        SessionView after = SessionView.of(revision.revised());
        return new SessionPreview(
                before.id(),
                before.version(),
                change == null ? null : change.kind(),
                fields,
                values(json.valueToTree(before), fields),
                values(json.valueToTree(after), fields),
                after,
                revision.announced());
    }

    /** The view's members of these names: every changed field is a member of the view. */
    private static Map<String, JsonNode> values(JsonNode view, List<String> fields) {
        var values = new LinkedHashMap<String, JsonNode>();
        fields.forEach(field -> values.put(field, view.path(field)));
        return values;
    }
}
