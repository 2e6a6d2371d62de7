package eu.herald.egress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a receiver (a webhook endpoint, a push service) answered.
 *
 * @param status the HTTP status code
 * @param retryAfter the {@code Retry-After} header as sent, if any
 * @param excerpt the start of the body, for the delivery log's reason (at most {@value #EXCERPT} characters)
 * @param took from sending the request to the end of the answer
 */
public record ReceiverResponse(int status, @Nullable String retryAfter, String excerpt, Duration took) {

    static final int EXCERPT = 200;

    public ReceiverResponse(int status, @Nullable String retryAfter, Duration took) {
        this(status, retryAfter, "", took);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** When the receiver asked to be called again: {@code Retry-After} in seconds or as an HTTP-date (RFC 9110). */
    public Optional<Instant> retryAfter(Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfter.strip();
        try {
            return Optional.of(now.plusSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
