package eu.herald.notifications.delivery;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The service's own records of a request as JSON in the delivery log: what a retry or a replay renders from. Its
 * own mapper, so that what was stored reads back whatever the application's JSON settings become.
 */
final class StoredRequests {

    private static final JsonMapper PLAIN = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JsonMapper json = PLAIN.rebuild()
            .addModule(new SimpleModule().addSerializer(SessionChange.class, new SharedChanges()))
            .build();

    String write(NotificationRequest request) {
        return json.writeValueAsString(request);
    }

    NotificationRequest read(String json) {
        return PLAIN.readValue(json, NotificationRequest.class);
    }

    /**
     * Writes the change of a fan-out once: its requests share the same instance (see the request deserializer), so
     * the JSON written for the previous request is written again as it is, the same bytes the plain mapper writes.
     */
    private static final class SharedChanges extends ValueSerializer<SessionChange> {

        private volatile @Nullable Written last;

        @Override
        public void serialize(SessionChange change, JsonGenerator generator, SerializationContext context) {
            Written written = last;
            if (written == null || written.change() != change) {
                written = new Written(change, PLAIN.writeValueAsString(change));
                last = written;
            }
            generator.writeRawValue(written.json());
        }

        private record Written(SessionChange change, String json) {}
    }
}
