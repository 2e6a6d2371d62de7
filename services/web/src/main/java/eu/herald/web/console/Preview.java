package eu.herald.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a change of a session would do, computed by the catalogue without saving it.
 *
 * @param kind what recipients would be told ({@code RESCHEDULED}, {@code RELOCATED}, {@code UPDATED}); none when
 *     nothing changes
 * @param previous the changed members as they are, {@code current} as they would be
 * @param announced false for a draft, which announces nothing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preview(
        UUID sessionId,
        int version,
        @Nullable String kind,
        List<String> changedFields,
        @Nullable JsonNode previous,
        @Nullable JsonNode current,
        Session session,
        boolean announced) {}
