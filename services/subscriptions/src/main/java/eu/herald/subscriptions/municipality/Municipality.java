package eu.herald.subscriptions.municipality;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A city or municipality that follows public events: the tenant of this service.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param language BCP 47 tag notifications are written in
 * @param timeZone zone local times are shown in
 */
public record Municipality(
        MunicipalityId id,
        String name,
        String country,
        String language,
        ZoneId timeZone,
        MunicipalityStatus status,
        Preferences preferences,
        Instant createdAt) {

    /** A newly registered municipality: active at once, notified immediately, no quiet hours. */
    public static Municipality register(String name, String country, String language, ZoneId timeZone, Clock clock) {
        return new Municipality(
                MunicipalityId.generate(),
                name.strip(),
                country,
                language,
                timeZone,
                MunicipalityStatus.ACTIVE,
                Preferences.defaults(),
                clock.instant());
    }
}
