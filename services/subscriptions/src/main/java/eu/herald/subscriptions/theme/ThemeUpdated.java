package eu.herald.subscriptions.theme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.Objects;

/**
 * A theme of the catalogue's taxonomy as published on {@code catalogue.themes.v1} (key = slug).
 *
 * @param labels label per BCP 47 language
 * @param retired true once the catalogue deleted the theme
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThemeUpdated(String slug, Map<String, String> labels, boolean retired) {

    public ThemeUpdated {
        Objects.requireNonNull(slug, "slug is required");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
