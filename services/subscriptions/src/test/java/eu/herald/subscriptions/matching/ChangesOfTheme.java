package eu.herald.subscriptions.matching;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.testsupport.ContractSchemas;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Session changes, made from the contract's example, of a fresh session with one theme. */
final class ChangesOfTheme {

    private ChangesOfTheme() {}

    /** A rescheduling of a new session of the event {@code eventId}, with only this theme. */
    static SessionChange rescheduling(JsonMapper json, String theme, UUID eventId) {
        ObjectNode change = (ObjectNode) json.readTree(
                ContractSchemas.examples("catalogue.session-changes.v1").get("rescheduled.json"));
        change.put("changeId", UUID.randomUUID().toString());
        ObjectNode session = (ObjectNode) change.get("session");
        session.put("id", UUID.randomUUID().toString());
        session.put("eventId", eventId.toString());
        session.putArray("themes").add(theme);
        SessionChange parsed = json.treeToValue(change, SessionChange.class);
        assertThat(parsed.themes()).isEqualTo(List.of(theme));
        return parsed;
    }
}
