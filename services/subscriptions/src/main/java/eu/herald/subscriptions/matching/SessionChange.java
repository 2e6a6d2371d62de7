package eu.herald.subscriptions.matching;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.herald.subscriptions.subscription.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change of a published session, read from {@code catalogue.session-changes.v1}.
 *
 * <p>The snapshot and the previous values stay JSON trees: they travel unchanged into every
 * notification request, properties this service does not know included, so requests remain
 * self-contained as the catalogue's contract grows. The matcher reads only the session id, event
 * id and themes. A record that cannot become a {@code SessionChange} is unreadable and goes to the
 * dead-letter topic.
 *
 * @param session the full session snapshot at the new version
 * @param occurredAt when the change was committed (RFC 3339 UTC), as the catalogue wrote it
 * @param previous previous values of the fields that changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionChange(
        UUID changeId,
        ChangeKind kind,
        String occurredAt,
        ObjectNode session,
        ObjectNode previous,
        List<String> changedFields) {

    public SessionChange {
        Objects.requireNonNull(changeId, "changeId is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        Instant.parse(occurredAt); // kept as written, so requests carry the change exactly as received
        Objects.requireNonNull(session, "session is required");
        previous = previous == null ? JsonNodeFactory.instance.objectNode() : previous;
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        uuid(session, "id");
        if (!session.path("version").canConvertToInt()
                || session.path("version").asInt() < 1) {
            throw new IllegalArgumentException("session.version must be a positive integer");
        }
        themesOf(session);
        optionalUuid(session, "eventId");
    }

    @JsonIgnore
    public UUID sessionId() {
        return uuid(session, "id");
    }

    /** The event the session belongs to, if any. */
    @JsonIgnore
    public @Nullable UUID eventId() {
        return optionalUuid(session, "eventId");
    }

    @JsonIgnore
    public int version() {
        return session.path("version").asInt();
    }

    /** The session's title per language, as far as the snapshot has one. */
    @JsonIgnore
    public Map<String, String> title() {
        return texts(session.get("title"));
    }

    /** The name of the session's event per language; empty when it has no event or the snapshot no name. */
    @JsonIgnore
    public Map<String, String> eventName() {
        return texts(session.get("eventName"));
    }

    /** Theme slugs of the session at its new version. */
    @JsonIgnore
    public List<String> themes() {
        return themesOf(session);
    }

    /** What the matcher reads of the change. */
    @JsonIgnore
    public ChangeCriteria criteria() {
        return new ChangeCriteria(sessionId(), eventId(), themes(), kind);
    }

    /** Texts per language; anything else (absent, null, not text) is left out, so names never fail a change. */
    private static Map<String, String> texts(@Nullable JsonNode texts) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        if (texts != null && texts.isObject()) {
            texts.properties().forEach(text -> {
                if (text.getValue().isString()) {
                    byLanguage.put(text.getKey(), text.getValue().stringValue());
                }
            });
        }
        return byLanguage;
    }

    private static UUID uuid(JsonNode node, String field) {
        UUID value = optionalUuid(node, field);
        if (value == null) {
            throw new IllegalArgumentException("session." + field + " is required");
        }
        return value;
    }

    private static @Nullable UUID optionalUuid(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("session." + field + " must be a UUID string");
        }
        return UUID.fromString(value.stringValue());
    }

    private static List<String> themesOf(JsonNode session) {
        JsonNode themes = session.get("themes");
        if (themes == null || themes.isNull()) {
            return List.of();
        }
        if (!themes.isArray()) {
            throw new IllegalArgumentException("session.themes must be an array of slugs");
        }
        List<String> slugs = new ArrayList<>(themes.size());
        for (JsonNode theme : themes) {
            if (!theme.isString()) {
                throw new IllegalArgumentException("session.themes must be an array of slugs");
            }
            slugs.add(theme.stringValue());
        }
        return List.copyOf(slugs);
    }
}
