package eu.herald.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a value of a type looks like, said to a client who sent something else. */
final class Expectation {

    private static final String ANY = "has a value of the wrong type or format";

    private Expectation() {}

    static String of(@Nullable Class<?> type) {
        if (type == null) {
            return ANY;
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        // a typed id such as record SessionId(UUID value) travels as the value it wraps
        if (type.isRecord() && type.getRecordComponents().length == 1) {
            return of(type.getRecordComponents()[0].getType());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2022-10-11";
        }
        if (type == LocalTime.class) {
            return "must be a time such as 16:30";
        }
        if (type == LocalDateTime.class) {
            return "must be a date and time such as 2022-10-11T16:30";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be a date and time with an offset such as 2022-10-11T14:30:00Z";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "must be an IANA time zone such as Europe/Brussels";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        return ANY;
    }
}
