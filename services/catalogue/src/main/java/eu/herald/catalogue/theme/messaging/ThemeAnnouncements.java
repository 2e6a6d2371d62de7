package eu.herald.catalogue.theme.messaging;

import eu.herald.catalogue.outbox.Outbox;
import eu.herald.catalogue.theme.ThemeChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Queues every theme change in the transaction of the change (a plain listener on purpose). */
@Component
class ThemeAnnouncements {

    private final Outbox outbox;
    private final ThemeMessages messages;

    ThemeAnnouncements(Outbox outbox, ThemeMessages messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    @EventListener
    void on(ThemeChanged change) {
        outbox.append(messages.message(change));
    }
}
