package eu.herald.subscriptions.matching;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The municipality a request is for, as the notifiers need it: no lookup on their side.
 *
 * @param language BCP 47 tag the recipient reads
 * @param timeZone IANA zone local times are shown in
 */
public record Recipient(
        UUID municipalityId, String name, String country, String language, String timeZone, Preferences preferences) {

    /**
     * @param deliveryMode IMMEDIATE or DAILY_DIGEST
     * @param digestTime when the daily digest goes out, HH:mm local to the recipient's time zone (written by
     *     PostgreSQL: one parse and one format less per request on the fan-out's path)
     */
    public record Preferences(String deliveryMode, @Nullable QuietHours quietHours, String digestTime) {}

    /** Local times in the recipient's time zone; from after to spans midnight. */
    public record QuietHours(
            @JsonFormat(pattern = "HH:mm") LocalTime from,
            @JsonFormat(pattern = "HH:mm") LocalTime to) {}
}
