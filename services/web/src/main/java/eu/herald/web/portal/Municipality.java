package eu.herald.web.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.herald.web.i18n.Localized;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A municipality as the subscriptions service shows it.
 *
 * @param language the language its mails are written in (en, pl, pt)
 * @param timeZone the IANA zone its times are shown in
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Municipality(
        UUID id, String name, String country, String language, String timeZone, Preferences preferences) {

    /** @param digestTime HH:mm in the municipality's zone */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Preferences(String deliveryMode, @Nullable QuietHours quietHours, String digestTime) {}

    /** HH:mm in the municipality's zone; from after to spans midnight. */
    public record QuietHours(String from, String to) {}

    /** The country's name in that language. */
    public String countryName(Locale locale) {
        return new Locale("", country).getDisplayCountry(Localized.regional(locale));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
