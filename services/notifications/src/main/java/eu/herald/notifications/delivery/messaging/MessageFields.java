package eu.herald.notifications.delivery.messaging;

import java.time.DateTimeException;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks of the properties of a message as the schema states them, each failure naming the property's path. */
final class MessageFields {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private MessageFields() {}

    static UUID uuid(@Nullable String value, String path) {
        return parse(value, path, text -> {
            if (!UUID_TEXT.matcher(text).matches()) {
                throw new IllegalArgumentException("not a lower-case UUID");
            }
            return UUID.fromString(text);
        });
    }

    static <E extends Enum<E>> E constant(Class<E> type, @Nullable String value, String path) {
        return parse(value, path, text -> Enum.valueOf(type, text));
    }

    static <T> T parse(@Nullable String value, String path, Function<String, T> parser) {
        String text = required(value, path);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new UnreadableRequest(path + " is invalid: '" + text + "' (" + e.getMessage() + ")");
        }
    }

    static <T> T required(@Nullable T value, String path) {
        if (value == null) {
            throw new UnreadableRequest(path + " is missing");
        }
        return value;
    }
}
