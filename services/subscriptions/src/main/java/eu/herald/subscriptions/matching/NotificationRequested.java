package eu.herald.subscriptions.matching;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The request to notify one municipality of one session change: the value of a record on {@code
 * subscriptions.notification-requests.v1}, self-contained so the notifiers never look anything up.
 *
 * @param requestId derived from the change and the municipality, so a change processed twice
 *     yields the same request and the notifiers can tell
 * @param change the change exactly as received, written once per change and shared by all its
 *     requests (a fan-out to 100,000 municipalities serializes the snapshot once, not 100,000 times)
 * @param endpoints every active endpoint of the municipality the change reaches
 */
public record NotificationRequested(UUID requestId, RawValue change, Recipient recipient, List<Destination> endpoints) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static NotificationRequested of(SessionChange change, AffectedMunicipality affected) {
        return of(change.changeId(), written(change, JSON), affected);
    }

    static NotificationRequested of(UUID changeId, RawValue change, AffectedMunicipality affected) {
        Recipient recipient = affected.recipient();
        return new NotificationRequested(
                requestId(changeId, recipient.municipalityId()), change, recipient, affected.destinations());
    }

    static RawValue written(SessionChange change, JsonMapper json) {
        return new RawValue(json.writeValueAsString(change));
    }

    static UUID requestId(UUID changeId, UUID municipalityId) {
        return UUID.nameUUIDFromBytes((changeId + ":" + municipalityId).getBytes(UTF_8));
    }
}
