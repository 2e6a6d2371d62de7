package eu.herald.notifications.request;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The municipality a request is for: its name, the language it reads and the zone its times are shown in. */
public record Recipient(
        MunicipalityId municipalityId, String name, Locale language, ZoneId timeZone, Preferences preferences) {

    public record Preferences(
            DeliveryMode deliveryMode, @Nullable QuietHours quietHours) {}

    public record QuietHours(LocalTime from, LocalTime to) {}

    public enum DeliveryMode {
        IMMEDIATE,
        DAILY_DIGEST
    }
}
