package eu.herald.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.herald.web.i18n.Localized;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An event of the catalogue, as the console shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Event(
        UUID id,
        String slug,
        Map<String, String> name,
        LocalDate startsOn,
        LocalDate endsOn,
        String zone,
        @Nullable String place) {

    public String name(Locale locale) {
        return Objects.requireNonNullElse(Localized.pick(name, locale), "");
    }
}
