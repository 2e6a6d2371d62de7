package eu.herald.subscriptions.matching;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.io.SerializedString;
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
 * @param reminders how long before the session's start to recall it: the lead times of the municipality's
 *     subscriptions the change matched, as ISO-8601 durations, distinct, longest first; empty for none
 */
public record NotificationRequested(
        UUID requestId, RawValue change, Recipient recipient, List<Destination> endpoints, List<String> reminders) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static NotificationRequested of(SessionChange change, AffectedMunicipality affected) {
        return of(change.changeId(), written(change, JSON), affected);
    }

    static NotificationRequested of(UUID changeId, RawValue change, AffectedMunicipality affected) {
        Recipient recipient = affected.recipient();
        return new NotificationRequested(
                requestId(changeId, recipient.municipalityId()),
                change,
                recipient,
                affected.destinations(),
                affected.reminders());
    }

    /** Keeps the snapshot's UTF-8 bytes, so each request copies them instead of encoding the text again. */
    static RawValue written(SessionChange change, JsonMapper json) {
        return new RawValue(new SerializedString(json.writeValueAsString(change)));
    }

    /**
     * The same as {@code UUID.nameUUIDFromBytes((changeId + ":" + municipalityId).getBytes(UTF_8))}, with an MD5
     * digest kept per thread instead of looked up once per request.
     */
    static UUID requestId(UUID changeId, UUID municipalityId) {
        MessageDigest md5 = MD5.get();
        byte[] hash = md5.digest((changeId + ":" + municipalityId).getBytes(UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3: name-based, MD5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the IETF variant
        return new UUID(
                ByteBuffer.wrap(hash, 0, 8).getLong(),
                ByteBuffer.wrap(hash, 8, 8).getLong());
    }

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    });
}
