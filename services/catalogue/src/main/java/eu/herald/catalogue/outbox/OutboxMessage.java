package eu.herald.catalogue.outbox;

import java.util.Map;

/**
 * A Kafka record to be sent once the transaction that wrote it commits.
 *
 * @param headers record headers, sent as UTF-8 values (e.g. the CloudEvents {@code ce_*} attributes)
 * @param payload the record value, sent as UTF-8
 */
public record OutboxMessage(String topic, String key, Map<String, String> headers, String payload) {

    public OutboxMessage {
        headers = Map.copyOf(headers);
    }
}
