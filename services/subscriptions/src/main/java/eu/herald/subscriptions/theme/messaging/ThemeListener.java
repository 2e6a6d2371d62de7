package eu.herald.subscriptions.theme.messaging;

import eu.herald.subscriptions.theme.ThemeUpdated;
import eu.herald.subscriptions.theme.Themes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads the whole compacted taxonomy (its own group, from the earliest offset) into the local table. */
@Component
class ThemeListener {

    static final String TOPIC = "catalogue.themes.v1";

    private final Themes themes;

    ThemeListener(Themes themes) {
        this.themes = themes;
    }

    @KafkaListener(
            id = "subscriptions-themes",
            groupId = "subscriptions-themes",
            topics = TOPIC,
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, @Nullable ThemeUpdated> record) {
        ThemeUpdated theme = record.value();
        if (theme == null) {
            if (record.key() != null) {
                themes.retire(record.key());
            }
            return;
        }
        themes.save(theme);
    }
}
