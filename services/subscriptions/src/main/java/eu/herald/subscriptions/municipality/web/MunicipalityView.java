package eu.herald.subscriptions.municipality.web;

import eu.herald.subscriptions.municipality.Municipality;
import eu.herald.subscriptions.municipality.QuietHours;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record MunicipalityView(
        UUID id,
        String name,
        String country,
        @Nullable String lauCode,
        @Nullable String nutsCode,
        String language,
        String timeZone,
        String status,
        PreferencesView preferences,
        Instant createdAt) {

    /** @param digestTime when the daily digest goes out, HH:mm in the municipality's time zone */
    record PreferencesView(String deliveryMode, @Nullable QuietHoursView quietHours, String digestTime) {}

    /** Local times as HH:mm, in the municipality's time zone. */
    record QuietHoursView(String from, String to) {}

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    static MunicipalityView of(Municipality municipality) {
        QuietHours quiet = municipality.preferences().quietHours();
        return new MunicipalityView(
                municipality.id().value(),
                municipality.name(),
                municipality.country(),
                municipality.lauCode(),
                municipality.nutsCode(),
                municipality.language(),
                municipality.timeZone().getId(),
                municipality.status().name(),
                new PreferencesView(
                        municipality.preferences().deliveryMode().name(),
                        quiet == null ? null : new QuietHoursView(HOURS.format(quiet.from()), HOURS.format(quiet.to())),
                        HOURS.format(municipality.preferences().digestTime())),
                municipality.createdAt());
    }
}
