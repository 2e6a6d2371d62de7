package eu.herald.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.herald.web.i18n.Localized;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A theme of the catalogue's taxonomy. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Theme(String slug, Map<String, String> labels) {

    public String label(Locale locale) {
        String label = Objects.requireNonNullElse(Localized.pick(labels, locale), "");
        return label.isEmpty() ? slug : label;
    }
}
