package eu.herald.catalogue.theme;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A theme was created, relabelled or retired (deleted). Raised inside the transaction of the change.
 *
 * @param labels the labels at the change; those it had when it was retired
 */
public record ThemeChanged(
        UUID changeId, String slug, Map<String, String> labels, boolean retired, Instant occurredAt) {

    public ThemeChanged {
        labels = Map.copyOf(labels);
    }
}
