package eu.herald.subscriptions.municipality;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A city or municipality that follows public events: the tenant of this service.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param lauCode Eurostat Local Administrative Unit code, if known
 * @param nutsCode Eurostat NUTS (level 3) code of its region, if known
 * @param language BCP 47 tag notifications are written in
 * @param timeZone zone local times are shown in
 */
public record Municipality(
        MunicipalityId id,
        String name,
        String country,
        @Nullable String lauCode,
        @Nullable String nutsCode,
        String language,
        ZoneId timeZone,
        MunicipalityStatus status,
        Preferences preferences,
        Instant createdAt) {

    /** A newly registered municipality: active at once, notified immediately, no quiet hours. */
    public static Municipality register(
            String name,
            String country,
            @Nullable String lauCode,
            @Nullable String nutsCode,
            String language,
            ZoneId timeZone,
            Clock clock) {
        return new Municipality(
                MunicipalityId.generate(),
                name.strip(),
                country,
                lauCode,
                nutsCode,
                language,
                timeZone,
                MunicipalityStatus.ACTIVE,
                Preferences.defaults(),
                clock.instant());
    }
}
