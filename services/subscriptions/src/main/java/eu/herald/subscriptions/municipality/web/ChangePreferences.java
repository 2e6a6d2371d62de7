package eu.herald.subscriptions.municipality.web;

import eu.herald.subscriptions.municipality.DeliveryMode;
import eu.herald.subscriptions.municipality.Preferences;
import eu.herald.subscriptions.municipality.QuietHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/municipalities/{id}/preferences}.
 *
 * @param quietHours a daily window in the municipality's time zone, or null for none
 * @param digestTime when the daily digest goes out (HH:mm, the municipality's time zone); null for 08:00
 */
record ChangePreferences(
        @NotBlank @Pattern(regexp = "IMMEDIATE|DAILY_DIGEST", message = "must be IMMEDIATE or DAILY_DIGEST")
        String deliveryMode,

        @Nullable @Valid QuietHoursInput quietHours,

        @Nullable @Pattern(regexp = HH_MM, message = "must be a local time HH:mm such as 08:00")
        String digestTime) {

    private static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /** Local times as HH:mm; from after to spans midnight (22:00 to 07:00). */
    record QuietHoursInput(
            @NotBlank @Pattern(regexp = HH_MM, message = "must be a local time HH:mm such as 22:00")
            String from,

            @NotBlank @Pattern(regexp = HH_MM, message = "must be a local time HH:mm such as 07:00")
            String to) {

        @AssertTrue(message = "must not start and end at the same time")
        boolean isNotEmpty() {
            return from == null || to == null || !from.equals(to);
        }
    }

    Preferences toPreferences() {
        return new Preferences(
                DeliveryMode.valueOf(deliveryMode),
                quietHours == null
                        ? null
                        : new QuietHours(LocalTime.parse(quietHours.from()), LocalTime.parse(quietHours.to())),
                digestTime == null ? Preferences.DEFAULT_DIGEST_TIME : LocalTime.parse(digestTime));
    }
}
