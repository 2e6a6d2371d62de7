package eu.herald.notifications.delivery.messaging;

import eu.herald.notifications.delivery.messaging.RequestMessage.ChangeMessage;
import eu.herald.notifications.delivery.messaging.RequestMessage.EndpointMessage;
import eu.herald.notifications.delivery.messaging.RequestMessage.RecipientMessage;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.SessionChange;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of {@code subscriptions.notification-requests.v1} into a {@link NotificationRequest}, or fails
 * with the reason. Wrapped in an {@code ErrorHandlingDeserializer}, a failure reaches the listener as a record
 * without a value and the original bytes go to the dead-letter topic.
 *
 * <p>The requests of a fan-out all carry the same change, written once by the matcher and copied byte for byte into
 * each of them: most of every record. So the record's object is read property by property, and a change whose bytes
 * are the previous record's is skipped, not bound again. The other properties are bound as binding the whole record
 * would bind them: what is accepted, what is refused and the reason given (down to the path and the byte offset) do
 * not depend on the change having been seen before.
 */
class NotificationRequestDeserializer implements Deserializer<NotificationRequest> {

    // its own mapper: how the contract is read must not change with the application's JSON settings
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads a record that is not an object as databind always did: {@code null} as no value, anything else refused. */
    private static final ObjectReader WHOLE_RECORD = JSON.readerFor(RequestMessage.class);

    private static final ObjectReader REQUEST_ID = propertyReader(JSON.readerFor(String.class));
    private static final ObjectReader CHANGE = propertyReader(JSON.readerFor(ChangeMessage.class));
    private static final ObjectReader RECIPIENT = propertyReader(JSON.readerFor(RecipientMessage.class));
    private static final ObjectReader ENDPOINTS = propertyReader(JSON.readerForListOf(EndpointMessage.class));
    private static final ObjectReader REMINDERS = propertyReader(JSON.readerForListOf(String.class));

    /** The change object bound last and its bytes, to recognise it in the next record. */
    private @Nullable ChangeJson lastJson;

    /**
     * The change the previous request carried, as read. The requests of a fan-out all carry the same change, so it
     * is read (UUIDs, times, zone) once and shared, which also lets the rendering and the delivery log recognise it
     * by identity. One deserializer serves one consumer thread.
     */
    private @Nullable LastChange last;

    @Override
    public NotificationRequest deserialize(String topic, byte @Nullable [] data) {
        return read(topic, data);
    }

    @Override
    public NotificationRequest deserialize(String topic, Headers headers, byte @Nullable [] data) {
        // the listener takes records in batches, so no per-record observation continues their traces: the request
        // keeps its record's trace context, and its deliveries are sent in it
        Header traceparent = headers.lastHeader("traceparent");
        NotificationRequest request = read(topic, data);
        return traceparent == null
                ? request
                : request.traced(new String(traceparent.value(), StandardCharsets.US_ASCII));
    }

    private NotificationRequest read(String topic, byte @Nullable [] data) {
        if (data == null) {
            throw new UnreadableRequest("the record has no value");
        }
        RequestMessage message;
        try (JsonParser parser = JSON.createParser(data)) {
            message =
                    parser.nextToken() == JsonToken.START_OBJECT ? message(parser, data) : WHOLE_RECORD.readValue(data);
        } catch (JacksonException e) {
            throw new SerializationException("Can't deserialize data from topic [" + topic + "]", e);
        }
        if (message == null) {
            throw new UnreadableRequest("the record has no value");
        }
        return message.toRequest(this::sessionChange);
    }

    /** The record's object, property by property: the last of a repeated one wins, unknown ones are skipped. */
    private RequestMessage message(JsonParser parser, byte[] data) {
        String requestId = null;
        ChangeMessage change = null;
        RecipientMessage recipient = null;
        List<EndpointMessage> endpoints = null;
        List<String> reminders = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            parser.nextToken();
            switch (name) {
                case "requestId" -> requestId = bind(parser, REQUEST_ID, name);
                case "change" -> change = change(parser, data);
                case "recipient" -> recipient = bind(parser, RECIPIENT, name);
                case "endpoints" -> endpoints = bind(parser, ENDPOINTS, name);
                case "reminders" -> reminders = bind(parser, REMINDERS, name);
                default -> parser.skipChildren();
            }
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw MismatchedInputException.from(
                    parser, RequestMessage.class, "Trailing token (" + trailing + ") after the request's object");
        }
        return new RequestMessage(requestId, change, recipient, endpoints, reminders);
    }

    /**
     * The change the parser stands at. When the record holds the previous change's bytes from here on, they are that
     * same object (they were a whole object when they were bound), so they are skipped and the message bound then is
     * taken again. Otherwise the change is bound in place, where a failure is reported at its offset in the record,
     * and its bytes are kept for the next record.
     */
    private @Nullable ChangeMessage change(JsonParser parser, byte[] data) {
        long start = parser.currentTokenLocation().getByteOffset();
        if (!parser.hasToken(JsonToken.START_OBJECT) || start < 0) {
            // null, not an object, or text other than UTF-8 (which has no byte offsets): bound as it is
            return bind(parser, CHANGE, "change");
        }
        ChangeJson previous = lastJson;
        if (previous != null && previous.isAt(data, (int) start)) {
            parser.skipChildren();
            return previous.message();
        }
        ChangeMessage message = Objects.requireNonNull(bind(parser, CHANGE, "change"));
        int end = (int) parser.currentLocation().getByteOffset();
        lastJson = new ChangeJson(Arrays.copyOfRange(data, (int) start, end), message);
        return message;
    }

    /**
     * The value the parser stands at, bound as a property of the whole record: a failure names the path from the
     * record's root.
     */
    private static <T> @Nullable T bind(JsonParser parser, ObjectReader reader, String property) {
        try {
            return reader.readValue(parser);
        } catch (JacksonException e) {
            throw JacksonException.wrapWithPath(e, RequestMessage.class, property);
        }
    }

    /** Reads one value where the parser stands and leaves what follows it to the parser. */
    private static ObjectReader propertyReader(ObjectReader reader) {
        return reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private SessionChange sessionChange(ChangeMessage message) {
        LastChange previous = last;
        if (previous != null && Objects.equals(previous.message(), message)) {
            return previous.change();
        }
        SessionChange change = RequestMessage.change(message);
        last = new LastChange(message, change);
        return change;
    }

    /** @param json the change's bytes as they were in the record, from its opening to its closing brace */
    private record ChangeJson(byte[] json, ChangeMessage message) {

        boolean isAt(byte[] record, int offset) {
            return record.length - offset >= json.length
                    && Arrays.equals(record, offset, offset + json.length, json, 0, json.length);
        }
    }

    private record LastChange(ChangeMessage message, SessionChange change) {}
}
