package eu.herald.notifications.delivery.messaging;

import eu.herald.notifications.delivery.NotificationRequest;
import eu.herald.notifications.delivery.SessionChange;
import eu.herald.notifications.delivery.messaging.RequestMessage.ChangeMessage;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of {@code subscriptions.notification-requests.v1} into a {@link NotificationRequest}, or fails
 * with the reason. Wrapped in an {@code ErrorHandlingDeserializer}, a failure reaches the listener as a record
 * without a value and the original bytes go to the dead-letter topic.
 */
class NotificationRequestDeserializer implements Deserializer<NotificationRequest> {

    // its own mapper: how the contract is read must not change with the application's JSON settings
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JacksonJsonDeserializer<RequestMessage> json =
            new JacksonJsonDeserializer<>(RequestMessage.class, JSON, false);

    /**
     * The change the previous request carried, as read. The requests of a fan-out all carry the same change, so it
     * is read (UUIDs, times, zone) once and shared, which also lets the rendering and the delivery log recognise it
     * by identity. One deserializer serves one consumer thread.
     */
    private @Nullable LastChange last;

    @Override
    public NotificationRequest deserialize(String topic, byte @Nullable [] data) {
        return read(json.deserialize(topic, data));
    }

    @Override
    public NotificationRequest deserialize(String topic, Headers headers, byte @Nullable [] data) {
        return read(json.deserialize(topic, headers, data));
    }

    private NotificationRequest read(@Nullable RequestMessage message) {
        if (message == null) {
            throw new UnreadableRequest("the record has no value");
        }
        return message.toRequest(this::change);
    }

    private SessionChange change(ChangeMessage message) {
        LastChange previous = last;
        if (previous != null && previous.message().equals(message)) {
            return previous.change();
        }
        SessionChange change = RequestMessage.change(message);
        last = new LastChange(message, change);
        return change;
    }

    private record LastChange(ChangeMessage message, SessionChange change) {}

    @Override
    public void close() {
        json.close();
    }
}
