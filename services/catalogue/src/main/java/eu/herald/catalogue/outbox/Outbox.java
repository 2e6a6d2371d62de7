package eu.herald.catalogue.outbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where domain changes leave their messages: a table written in the transaction of the change, so a
 * message exists if and only if its change committed. The {@link OutboxRelay} sends them to Kafka.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;

    Outbox(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
    }

    /** Queues a message in the caller's transaction; there must be one, or the message could outlive a rollback. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxMessage message) {
        jdbc.sql("""
                        insert into outbox (topic, message_key, headers, payload)
                        values (:topic, :key, cast(:headers as jsonb), :payload)
                        """)
                .param("topic", message.topic())
                .param("key", message.key())
                .param("headers", json.writeValueAsString(message.headers()))
                .param("payload", message.payload())
                .update();
        publisher.publishEvent(new MessageQueued());
    }

    /** Lets the relay wake up as soon as the transaction that queued a message commits. */
    record MessageQueued() {}
}
