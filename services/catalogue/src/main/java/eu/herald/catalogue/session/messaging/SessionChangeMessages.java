package eu.herald.catalogue.session.messaging;

import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.outbox.OutboxMessage;
import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionChanged;
import eu.herald.catalogue.session.SessionDetails;
import eu.herald.catalogue.shared.Texts;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A {@link SessionChanged} as a CloudEvent in Kafka binary mode for {@code catalogue.session-changes.v1}. */
@Component
class SessionChangeMessages {

    static final String SOURCE = "/herald/catalogue";

    private final JsonMapper json;

    SessionChangeMessages(JsonMapper json) {
        this.json = json;
    }

    OutboxMessage message(SessionChanged change) {
        String sessionId = change.session().id().toString();
        Map<String, String> headers = Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                change.changeId().toString(),
                "ce_type",
                "eu.herald.session." + change.kind().name().toLowerCase(Locale.ROOT) + ".v1",
                "ce_source",
                SOURCE,
                "ce_subject",
                sessionId,
                "ce_time",
                change.occurredAt().toString(),
                "content-type",
                "application/json");
        return new OutboxMessage(
                SessionChangesTopic.NAME, sessionId, headers, json.writeValueAsString(ChangeData.of(change)));
    }

    /** The record value, as {@code contracts/catalogue.session-changes.v1/schema.json} describes it. */
    record ChangeData(
            UUID changeId,
            String kind,
            Instant occurredAt,
            SessionSnapshot session,
            Map<String, @Nullable Object> previous,
            List<String> changedFields) {

        static ChangeData of(SessionChanged change) {
            var previous = new LinkedHashMap<String, @Nullable Object>();
            change.previous().forEach((field, value) -> previous.put(field, onTheWire(value)));
            return new ChangeData(
                    change.changeId(),
                    change.kind().name(),
                    change.occurredAt(),
                    SessionSnapshot.of(change.session(), change.eventName()),
                    previous,
                    change.changedFields());
        }

        /** Previous values in the same shape as the snapshot's fields. */
        private static @Nullable Object onTheWire(@Nullable Object value) {
            if (value instanceof Texts texts) {
                return texts.byLanguage();
            }
            if (value instanceof EventId id) {
                return id.value().toString();
            }
            if (value instanceof Enum<?> constant) {
                return constant.name();
            }
            return value;
        }
    }

    /** @param eventName the event's name per language, in the shape of {@code title}; null without an event */
    record SessionSnapshot(
            String id,
            @Nullable String eventId,
            @Nullable Map<String, String> eventName,
            int version,
            String status,
            String defaultLanguage,
            Map<String, String> title,
            Map<String, String> description,
            LocalDateTime start,
            LocalDateTime end,
            String zone,
            Instant startsAt,
            Instant endsAt,
            @Nullable String format,
            @Nullable String venue,
            @Nullable String platform,
            @Nullable String joinLink,
            @Nullable String registrationLink,
            List<String> languages,
            List<String> organisers,
            List<String> themes,
            @Nullable String cancellationReason,
            Instant updatedAt) {

        static SessionSnapshot of(Session session, @Nullable Texts eventName) {
            SessionDetails details = session.details();
            return new SessionSnapshot(
                    session.id().toString(),
                    details.eventId() == null ? null : details.eventId().toString(),
                    eventName == null ? null : eventName.byLanguage(),
                    session.version(),
                    session.status().name(),
                    details.defaultLanguage(),
                    details.title().byLanguage(),
                    details.description().byLanguage(),
                    details.start(),
                    details.end(),
                    details.zone(),
                    details.startsAt(),
                    details.endsAt(),
                    details.format() == null ? null : details.format().name(),
                    details.venue(),
                    details.platform(),
                    details.joinLink(),
                    details.registrationLink(),
                    details.languages(),
                    details.organisers(),
                    details.themes(),
                    session.cancellationReason(),
                    session.updatedAt());
        }
    }
}
