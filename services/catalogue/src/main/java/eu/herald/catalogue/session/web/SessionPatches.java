package eu.herald.catalogue.session.web;

import eu.herald.catalogue.session.Session;
import eu.herald.problems.InvalidInput;
import eu.herald.problems.Violation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396) to the body a PUT of the session would take, so that a PATCH is
 * the PUT of the merged body. Members a PUT does not take are refused rather than ignored as a PUT ignores
 * them: a misspelt member, or the derived {@code startsAt}, would otherwise change nothing without a word.
 */
@Component
class SessionPatches {

    static final String MEDIA_TYPE = "application/merge-patch+json";

    private static final Set<String> MEMBERS = Arrays.stream(SessionRequest.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());
    private static final String WRONG_TYPE = "has a value of the wrong type or format";

    private final JsonMapper json;
    private final Validator validator;

    SessionPatches(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The whole body a PUT would take: the session with the patch merged in, validated as a PUT's body is. */
    SessionRequest apply(Session current, JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidInput("A merge patch of a session is a JSON object of the members to change", List.of());
        }
        List<Violation> unknown = patch.propertyNames().stream()
                .filter(member -> !MEMBERS.contains(member))
                .map(member -> new Violation(member, "is not a member of a session's details"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInput("The patch is invalid", unknown);
        }
        // what GET shows of the members a PUT takes: the representation the patch's author had in view
        ObjectNode body = json.<ObjectNode>valueToTree(SessionView.of(current)).retain(MEMBERS);
        JsonNode merged = merge(body, patch);
        SessionRequest request;
        try {
            request = json.treeToValue(merged, SessionRequest.class);
        } catch (JacksonException e) {
            // every member is known, so the path starts with the one whose value did not fit
            String member = e.getPath().isEmpty()
                    ? "patch"
                    : Objects.requireNonNullElse(e.getPath().get(0).getPropertyName(), "patch");
            throw new InvalidInput("The patch is invalid", List.of(new Violation(member, WRONG_TYPE)));
        }
        List<Violation> violations = validator.validate(request).stream()
                .map(violation -> new Violation(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidInput("The session is invalid", violations);
        }
        return request;
    }

    /** RFC 7396: a null member removes, an object merges into an object, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode merged = target.isObject() ? (ObjectNode) target.deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                merged.remove(member.getKey());
            } else {
                merged.set(member.getKey(), merge(merged.path(member.getKey()), member.getValue()));
            }
        }
        return merged;
    }
}
