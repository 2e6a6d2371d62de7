package eu.herald.local;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo data's online session "Networking of cities and municipalities…" (EURegionsWeek 2022),
 * which the end-to-end test and the benchmark move to make the change that fans out.
 */
public final class SeededSession {

    public static final String ID = "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11";

    /** The fields of a session that POST and PUT /api/sessions accept. */
    private static final List<String> DETAILS = List.of(
            "eventId",
            "defaultLanguage",
            "title",
            "description",
            "zone",
            "format",
            "platform",
            "venue",
            "joinLink",
            "registrationLink",
            "languages",
            "organisers",
            "themes");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeededSession() {}

    /**
     * The body of a PUT that keeps a session as it was read except for its local start and end, so that
     * the change is a pure RESCHEDULED.
     */
    public static ObjectNode rescheduled(JsonNode session, String start, String end) {
        ObjectNode details = JSON.createObjectNode();
        DETAILS.stream()
                .filter(field -> session.has(field) && !session.get(field).isNull())
                .forEach(field -> details.set(field, session.get(field)));
        details.put("start", start);
        details.put("end", end);
        return details;
    }
}
