package eu.herald.subscriptions;

/**
 * A topic this service consumes and the record its values are read into. Each consuming module
 * declares one as a bean; {@link MessagingConfiguration} gives every consumer one value deserializer
 * that picks the record by topic, so an unreadable value of any topic reaches its listener as a
 * failure (and its dead-letter topic) instead of breaking the poll.
 */
public record ConsumedTopic(String topic, Class<?> valueType) {}
