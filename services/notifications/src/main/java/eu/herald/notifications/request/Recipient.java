package eu.herald.notifications.request;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The municipality a request is for: its name, the language it reads and the zone its times are shown in. */
public record Recipient(
        MunicipalityId municipalityId, String name, Locale language, ZoneId timeZone, Preferences preferences) {

    /**
     * @param digestTime when a daily digest goes out, local to the recipient's zone; null for the default (08:00)
     */
    public record Preferences(
            DeliveryMode deliveryMode,
            @Nullable QuietHours quietHours,
            @Nullable LocalTime digestTime) {

        public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(8, 0);

        public Preferences(DeliveryMode deliveryMode, @Nullable QuietHours quietHours) {
            this(deliveryMode, quietHours, null);
        }

        /** When this recipient's daily digest goes out. */
        public LocalTime digestTimeOrDefault() {
            return digestTime == null ? DEFAULT_DIGEST_TIME : digestTime;
        }
    }

    public record QuietHours(LocalTime from, LocalTime to) {}

    public enum DeliveryMode {
        IMMEDIATE,
        DAILY_DIGEST
    }
}
