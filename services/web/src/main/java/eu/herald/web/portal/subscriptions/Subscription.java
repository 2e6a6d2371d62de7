package eu.herald.web.portal.subscriptions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the subscriptions service shows it.
 *
 * @param reminders ISO-8601 lead times before each session's start, longest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Subscription(UUID id, Selector selector, List<String> changeKinds, List<String> reminders, String status) {

    /** @param value a theme's slug, an event's or a session's id */
    record Selector(String type, String value) {}
}
