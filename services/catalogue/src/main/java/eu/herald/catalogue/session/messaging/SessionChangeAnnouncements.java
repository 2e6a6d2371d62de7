package eu.herald.catalogue.session.messaging;

import eu.herald.catalogue.outbox.Outbox;
import eu.herald.catalogue.session.SessionChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues every session change for {@code catalogue.session-changes.v1}. A plain (not transactional) listener
 * on purpose: it runs inside the transaction that stores the change, so the message commits or rolls back
 * with it.
 */
@Component
class SessionChangeAnnouncements {

    private final Outbox outbox;
    private final SessionChangeMessages messages;

    SessionChangeAnnouncements(Outbox outbox, SessionChangeMessages messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    @EventListener
    void on(SessionChanged change) {
        outbox.append(messages.message(change));
    }
}
