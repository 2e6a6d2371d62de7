package eu.herald.catalogue.theme.messaging;

import eu.herald.catalogue.outbox.OutboxMessage;
import eu.herald.catalogue.theme.ThemeChanged;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link ThemeChanged} as a CloudEvent in Kafka binary mode for {@code catalogue.themes.v1}: keyed by
 * slug, so compaction keeps the latest state of each theme. A retired theme is a record with
 * {@code "retired": true}, never a tombstone.
 */
@Component
class ThemeMessages {

    static final String TYPE = "eu.herald.theme.updated.v1";
    static final String SOURCE = "/herald/catalogue";

    private final JsonMapper json;

    ThemeMessages(JsonMapper json) {
        this.json = json;
    }

    OutboxMessage message(ThemeChanged change) {
        Map<String, String> headers = Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                change.changeId().toString(),
                "ce_type",
                TYPE,
                "ce_source",
                SOURCE,
                "ce_subject",
                change.slug(),
                "ce_time",
                change.occurredAt().toString(),
                "content-type",
                "application/json");
        var data = new ThemeData(change.slug(), new TreeMap<>(change.labels()), change.retired());
        return new OutboxMessage(ThemesTopic.NAME, change.slug(), headers, json.writeValueAsString(data));
    }

    /** The record value, as {@code contracts/catalogue.themes.v1/schema.json} describes it. */
    record ThemeData(String slug, Map<String, String> labels, boolean retired) {}
}
