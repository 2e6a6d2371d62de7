package eu.herald.notifications.delivery.messaging;

import static eu.herald.notifications.delivery.messaging.MessageFields.constant;
import static eu.herald.notifications.delivery.messaging.MessageFields.parse;
import static eu.herald.notifications.delivery.messaging.MessageFields.required;
import static eu.herald.notifications.delivery.messaging.MessageFields.uuid;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.MunicipalityId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Recipient.DeliveryMode;
import eu.herald.notifications.request.Recipient.Preferences;
import eu.herald.notifications.request.Recipient.QuietHours;
import eu.herald.notifications.request.RequestId;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import eu.herald.notifications.request.SessionId;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of {@code subscriptions.notification-requests.v1} as it is on the wire: every property optional and
 * a string, so that reading it never depends on the producer's Java types. {@link #toRequest(Function)} checks what the
 * schema requires and turns it into the service's own records, naming the first property that is wrong.
 */
record RequestMessage(
        @Nullable String requestId,
        @Nullable ChangeMessage change,
        @Nullable RecipientMessage recipient,
        @Nullable List<EndpointMessage> endpoints,
        @Nullable List<String> reminders) {

    record ChangeMessage(
            @Nullable String changeId,
            @Nullable String kind,
            @Nullable String occurredAt,
            @Nullable SessionMessage session,
            @Nullable Map<String, @Nullable Object> previous,
            @Nullable List<String> changedFields) {}

    record SessionMessage(
            @Nullable String id,
            @Nullable Integer version,
            @Nullable String status,
            @Nullable String defaultLanguage,
            @Nullable Map<String, String> title,
            @Nullable Map<String, String> description,
            @Nullable String start,
            @Nullable String end,
            @Nullable String zone,
            @Nullable String format,
            @Nullable String venue,
            @Nullable String platform,
            @Nullable String joinLink,
            @Nullable String registrationLink,
            @Nullable List<String> themes,
            @Nullable String cancellationReason,
            @Nullable List<String> languages,
            @Nullable List<String> organisers,
            @Nullable String eventId,
            @Nullable Map<String, String> eventName) {}

    record RecipientMessage(
            @Nullable String municipalityId,
            @Nullable String name,
            @Nullable String country,
            @Nullable String language,
            @Nullable String timeZone,
            @Nullable PreferencesMessage preferences) {}

    record PreferencesMessage(
            @Nullable String deliveryMode,
            @Nullable QuietHoursMessage quietHours,
            @Nullable String digestTime) {}

    record QuietHoursMessage(
            @Nullable String from, @Nullable String to) {}

    record EndpointMessage(
            @Nullable String endpointId,
            @Nullable String channel,
            @Nullable String address,
            @Nullable WebPushMessage webPush,
            @Nullable WebhookMessage webhook,
            @Nullable String unsubscribeUrl) {}

    record WebPushMessage(
            @Nullable String endpoint,
            @Nullable String p256dh,
            @Nullable String auth) {}

    record WebhookMessage(
            @Nullable String url,
            @Nullable Integer secretVersion,
            @Nullable String previousSecretUntil) {}

    /** @param changes reads the change, or gives one read before from an equal message */
    NotificationRequest toRequest(Function<ChangeMessage, SessionChange> changes) {
        ChangeMessage change = required(this.change, "change");
        RecipientMessage recipient = required(this.recipient, "recipient");
        List<EndpointMessage> endpoints = required(this.endpoints, "endpoints");
        if (endpoints.isEmpty()) {
            throw new UnreadableRequest("endpoints is empty");
        }
        List<Endpoint> read = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            read.add(Endpoints.endpoint(required(endpoints.get(i), "endpoints[" + i + "]"), "endpoints[" + i + "]"));
        }
        List<Duration> leads = new ArrayList<>();
        if (reminders != null) {
            for (int i = 0; i < reminders.size(); i++) {
                Duration lead = parse(reminders.get(i), "reminders[" + i + "]", Duration::parse);
                if (lead.isNegative() || lead.isZero()) {
                    throw new UnreadableRequest("reminders[" + i + "] must be positive: " + lead);
                }
                leads.add(lead);
            }
        }
        return new NotificationRequest(
                new RequestId(uuid(requestId, "requestId")), changes.apply(change), recipient(recipient), read, leads);
    }

    static SessionChange change(ChangeMessage change) {
        SessionMessage session = required(change.session(), "change.session");
        return new SessionChange(
                new ChangeId(uuid(change.changeId(), "change.changeId")),
                constant(ChangeKind.class, change.kind(), "change.kind"),
                parse(
                        change.occurredAt(),
                        "change.occurredAt",
                        text -> OffsetDateTime.parse(text).toInstant()),
                session(session),
                required(change.previous(), "change.previous"),
                required(change.changedFields(), "change.changedFields"));
    }

    private static Session session(SessionMessage session) {
        Integer version = required(session.version(), "change.session.version");
        if (version < 1) {
            throw new UnreadableRequest("change.session.version must be at least 1: " + version);
        }
        Map<String, String> title = required(session.title(), "change.session.title");
        if (title.isEmpty()) {
            throw new UnreadableRequest("change.session.title is empty");
        }
        return new Session(
                new SessionId(uuid(session.id(), "change.session.id")),
                version,
                session.status(),
                session.defaultLanguage(),
                title,
                session.description() == null ? Map.of() : session.description(),
                parse(session.start(), "change.session.start", LocalDateTime::parse),
                parse(session.end(), "change.session.end", LocalDateTime::parse),
                parse(session.zone(), "change.session.zone", ZoneId::of),
                session.format(),
                session.venue(),
                session.platform(),
                session.joinLink(),
                session.registrationLink(),
                session.themes() == null ? List.of() : session.themes(),
                session.cancellationReason(),
                session.languages(),
                session.organisers(),
                session.eventId() == null ? null : uuid(session.eventId(), "change.session.eventId"),
                session.eventName() == null ? Map.of() : session.eventName());
    }

    private static Recipient recipient(RecipientMessage recipient) {
        String name = required(recipient.name(), "recipient.name");
        if (name.isBlank()) {
            throw new UnreadableRequest("recipient.name is blank");
        }
        PreferencesMessage preferences = required(recipient.preferences(), "recipient.preferences");
        QuietHoursMessage quiet = preferences.quietHours();
        return new Recipient(
                new MunicipalityId(uuid(recipient.municipalityId(), "recipient.municipalityId")),
                name,
                parse(recipient.language(), "recipient.language", RequestMessage::language),
                parse(recipient.timeZone(), "recipient.timeZone", ZoneId::of),
                new Preferences(
                        constant(DeliveryMode.class, preferences.deliveryMode(), "recipient.preferences.deliveryMode"),
                        quiet == null
                                ? null
                                : new QuietHours(
                                        parse(quiet.from(), "recipient.preferences.quietHours.from", LocalTime::parse),
                                        parse(quiet.to(), "recipient.preferences.quietHours.to", LocalTime::parse)),
                        preferences.digestTime() == null
                                ? null
                                : parse(
                                        preferences.digestTime(),
                                        "recipient.preferences.digestTime",
                                        LocalTime::parse)));
    }

    private static Locale language(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("no language in " + tag);
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
