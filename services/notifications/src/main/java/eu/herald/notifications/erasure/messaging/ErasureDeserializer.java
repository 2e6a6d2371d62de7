package eu.herald.notifications.erasure.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.notifications.delivery.messaging.UnreadableRequest;
import eu.herald.notifications.erasure.Erasure;
import eu.herald.notifications.erasure.Erasure.Scope;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of {@code subscriptions.erasures.v1} into an {@link Erasure}, or fails with the reason (the record
 * then goes to the dead letters). A {@code ce_type} that contradicts the scope is refused too: one of the two is
 * wrong, and erasing too much or too little is worse than an operator looking at it.
 */
class ErasureDeserializer implements Deserializer<Erasure> {

    static final Map<String, Scope> TYPES = Map.of(
            "eu.herald.municipality.erased.v1", Scope.MUNICIPALITY,
            "eu.herald.endpoint.erased.v1", Scope.ENDPOINT);

    // its own mapper: how the contract is read must not change with the application's JSON settings
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JacksonJsonDeserializer<ErasureMessage> json =
            new JacksonJsonDeserializer<>(ErasureMessage.class, JSON, false);

    @Override
    public Erasure deserialize(String topic, byte @Nullable [] data) {
        return read(json.deserialize(topic, data));
    }

    @Override
    public Erasure deserialize(String topic, Headers headers, byte @Nullable [] data) {
        Erasure erasure = read(json.deserialize(topic, headers, data));
        Header type = headers.lastHeader("ce_type");
        if (type != null) {
            String name = new String(type.value(), UTF_8);
            if (TYPES.get(name) != erasure.scope()) {
                throw new UnreadableRequest("ce_type " + name + " does not match the scope " + erasure.scope());
            }
        }
        return erasure;
    }

    private static Erasure read(@Nullable ErasureMessage message) {
        if (message == null) {
            throw new UnreadableRequest("the record has no value");
        }
        return message.toErasure();
    }

    @Override
    public void close() {
        json.close();
    }
}
