package eu.herald.catalogue.outbox;

import eu.herald.messaging.OutboxLag;
import eu.herald.tracing.StoredTraces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where domain changes leave their messages: a table written in the transaction of the change, so a
 * message exists if and only if its change committed. The {@link OutboxRelay} sends them to Kafka, reading
 * and marking them here, so that this class is all that knows the table.
 */
@Component
public class Outbox {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;
    private final StoredTraces traces;

    Outbox(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher publisher, StoredTraces traces) {
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
        this.traces = traces;
    }

    /**
     * Queues a message in the caller's transaction; there must be one, or the message could outlive a rollback. The
     * trace of the caller (the operator's request) goes with it: the relay sends the message in that trace.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxMessage message) {
        jdbc.sql("""
                        insert into outbox (topic, message_key, headers, payload, traceparent)
                        values (:topic, :key, cast(:headers as jsonb), :payload, :traceparent)
                        """)
                .param("topic", message.topic())
                .param("key", message.key())
                .param("headers", json.writeValueAsString(message.headers()))
                .param("payload", message.payload())
                .param("traceparent", traces.current())
                .update();
        publisher.publishEvent(new MessageQueued());
    }

    /** The oldest messages not yet published, oldest first: the relay sends them in this order. */
    List<Pending> oldestPending(int limit) {
        return jdbc.sql("""
                        select id, topic, message_key, headers::text as headers, payload, traceparent
                        from outbox where published_at is null order by id limit :limit
                        """)
                .param("limit", limit)
                .query((row, rowNumber) -> new Pending(
                        row.getLong("id"),
                        new OutboxMessage(
                                row.getString("topic"),
                                row.getString("message_key"),
                                json.readValue(row.getString("headers"), HEADERS),
                                row.getString("payload")),
                        row.getString("traceparent")))
                .list();
    }

    void markPublished(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update outbox set published_at = now() where id in (:ids)")
                    .param("ids", ids)
                    .update();
        }
    }

    /** Deletes the messages published longer than {@code retention} ago; returns how many. */
    int deletePublishedBefore(Duration retention) {
        return jdbc.sql("delete from outbox where published_at < now() - make_interval(secs => :seconds)")
                .param("seconds", retention.toSeconds())
                .update();
    }

    /** How many messages wait to be relayed and since when: one scan of the pending rows' partial index. */
    OutboxLag.Backlog backlog() {
        return jdbc.sql("select count(*) as pending, min(created_at) as oldest from outbox where published_at is null")
                .query((row, rowNumber) -> OutboxLag.Backlog.of(row))
                .single();
    }

    /**
     * A stored message and its place in the outbox.
     *
     * @param traceparent the trace of the transaction that queued it, or null when it was not traced
     */
    record Pending(long id, OutboxMessage message, @Nullable String traceparent) {}

    /** Lets the relay wake up as soon as the transaction that queued a message commits. */
    record MessageQueued() {}
}
