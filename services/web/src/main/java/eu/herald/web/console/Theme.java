package eu.herald.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import java.util.Map;

/** A theme of the catalogue's taxonomy. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Theme(String slug, Map<String, String> labels) {

    public String label(Locale locale) {
        String label = Texts.in(labels, locale, "en");
        return label.isEmpty() ? slug : label;
    }
}
