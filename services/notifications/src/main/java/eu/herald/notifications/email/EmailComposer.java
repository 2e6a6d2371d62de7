package eu.herald.notifications.email;

import eu.herald.notifications.delivery.ChangeKind;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.Endpoint;
import eu.herald.notifications.delivery.NotificationRequest;
import eu.herald.notifications.delivery.Recipient;
import eu.herald.notifications.delivery.Session;
import eu.herald.notifications.delivery.SessionChange;
import eu.herald.notifications.delivery.Texts;
import jakarta.mail.internet.InternetAddress;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders a delivery as the recipient reads it: in its language, with the session's times in its time zone, and
 * with what changed, old → new.
 */
@Component
class EmailComposer {

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final int MAX_VALUE_LENGTH = 300;

    private final InternetAddress from;
    private final String messageIdDomain;

    EmailComposer(EmailProperties properties) {
        this.from = HeaderValues.address("From", properties.from());
        if (!DOMAIN.matcher(properties.messageIdDomain()).matches()) {
            throw new InvalidHeader("herald.notifications.mail.message-id-domain is not a domain");
        }
        this.messageIdDomain = properties.messageIdDomain();
    }

    /** The same delivery always gets the same Message-ID, so a repeated send can be recognised as one. */
    String messageId(DeliveryId delivery) {
        return "<" + delivery + "@" + messageIdDomain + ">";
    }

    /** @throws InvalidHeader when the endpoint's address cannot be used in a header */
    EmailMessage compose(DeliveryId delivery, NotificationRequest request, Endpoint endpoint) {
        InternetAddress to = HeaderValues.address("To", Objects.requireNonNull(endpoint.address(), "address"));
        Rendering rendering = new Rendering(request);
        return new EmailMessage(
                messageId(delivery), from, to, rendering.subject(), rendering.text(endpoint), unsubscribeUrl(endpoint));
    }

    private static @Nullable String unsubscribeUrl(Endpoint endpoint) {
        String url = endpoint.unsubscribeUrl();
        return url != null && WEB_URL.matcher(url).matches() ? url : null;
    }

    /** One request rendered for its recipient. */
    private static final class Rendering {

        private final SessionChange change;
        private final Session session;
        private final Recipient recipient;
        private final Locale language;
        private final Wording words;
        private final LocalTimes times;

        Rendering(NotificationRequest request) {
            this.change = request.change();
            this.session = change.session();
            this.recipient = request.recipient();
            this.language = recipient.language();
            this.words = Wording.in(language);
            this.times = new LocalTimes(recipient.timeZone(), words.text("date.pattern"), language);
        }

        String subject() {
            return HeaderValues.oneLine(words.text("subject." + change.kind(), session.title(language)));
        }

        String text(Endpoint endpoint) {
            Lines text = new Lines();
            text.add(words.text("greeting")).blank();
            text.add(words.text("intro." + change.kind())).blank();
            text.add(oneLine(session.title(language)));
            text.add(words.text("label.when") + ": "
                    + times.span(times.at(session.start(), session.zone()), times.at(session.end(), session.zone())));
            String where = where(session.format(), session.venue(), session.platform());
            if (where != null) {
                text.add(words.text("label.where") + ": " + where);
            }
            if (change.kind() != ChangeKind.CANCELLED) {
                text.addIf(words.text("label.join"), session.joinLink());
                text.addIf(words.text("label.registration"), session.registrationLink());
            } else {
                text.addIf(words.text("label.reason"), session.cancellationReason());
            }
            List<String> changes = changes();
            if (!changes.isEmpty()) {
                text.blank().add(words.text("label.changes") + ":");
                changes.forEach(line -> text.add("- " + line));
            }
            text.blank().add(words.text("zone.note", recipient.timeZone().getId()));
            text.blank().add(words.text("footer", oneLine(recipient.name())));
            String unsubscribe = unsubscribeUrl(endpoint);
            if (unsubscribe != null) {
                text.add(words.text("unsubscribe", unsubscribe));
            }
            return text.toString();
        }

        private List<String> changes() {
            if (change.kind() == ChangeKind.PUBLISHED) {
                return List.of();
            }
            return change.changedFields().stream().map(this::change).toList();
        }

        private String change(String field) {
            String label = words.textOrNull("field." + field);
            String before = previous(field);
            String after = current(field);
            if (after == null) {
                // a field this service does not know yet: say what it was
                return (label == null ? field : label) + ": " + before + " → …";
            }
            return (label == null ? field : label) + ": " + before + " → " + after;
        }

        /** The value after the change, or null for a field the snapshot does not carry here. */
        private @Nullable String current(String field) {
            return switch (field) {
                case "start" -> times.dateTime(times.at(session.start(), session.zone()));
                case "end" -> times.dateTime(times.at(session.end(), session.zone()));
                case "zone" -> session.zone().getId();
                case "title" -> oneLine(session.title(language));
                case "description" -> orNone(session.description(language));
                case "format" -> format(session.format());
                case "status" -> status(session.status());
                case "venue" -> orNone(session.venue());
                case "platform" -> orNone(session.platform());
                case "joinLink" -> orNone(session.joinLink());
                case "registrationLink" -> orNone(session.registrationLink());
                case "cancellationReason" -> orNone(session.cancellationReason());
                case "themes" -> orNone(String.join(", ", session.themes()));
                default -> null;
            };
        }

        private String previous(String field) {
            Object value = change.previous().get(field);
            if (value == null) {
                return words.text("value.none");
            }
            try {
                return switch (field) {
                    case "start", "end" ->
                        times.dateTime(times.at(LocalDateTime.parse(value.toString()), previousZone()));
                    case "title", "description" ->
                        value instanceof Map<?, ?> texts ? text(strings(texts)) : plain(value);
                    case "format" -> format(value.toString());
                    case "status" -> status(value.toString());
                    default -> plain(value);
                };
            } catch (DateTimeException | ClassCastException e) {
                // an odd previous value must not stop the notification: show it as it came
                return plain(value);
            }
        }

        private ZoneId previousZone() {
            Object zone = change.previous().get("zone");
            if (zone instanceof String id) {
                try {
                    return ZoneId.of(id);
                } catch (DateTimeException e) {
                    return session.zone();
                }
            }
            return session.zone();
        }

        private @Nullable String where(@Nullable String format, @Nullable String venue, @Nullable String platform) {
            StringJoiner where = new StringJoiner(", ");
            Stream.of(format == null ? null : format(format), venue, platform)
                    .filter(Objects::nonNull)
                    .map(Rendering::oneLine)
                    .filter(part -> !part.isEmpty())
                    .forEach(where::add);
            return where.length() == 0 ? null : where.toString();
        }

        private String format(@Nullable String format) {
            if (format == null) {
                return words.text("value.none");
            }
            String text = words.textOrNull("format." + format);
            return text == null ? oneLine(format) : text;
        }

        private String status(@Nullable String status) {
            if (status == null) {
                return words.text("value.none");
            }
            String text = words.textOrNull("status." + status);
            return text == null ? oneLine(status) : text;
        }

        private String text(Map<String, String> texts) {
            return texts.isEmpty()
                    ? words.text("value.none")
                    : oneLine(Texts.in(texts, language, session.defaultLanguage()));
        }

        private String orNone(@Nullable String value) {
            return value == null || value.isBlank() ? words.text("value.none") : oneLine(value);
        }

        private String plain(Object value) {
            if (value instanceof Collection<?> values) {
                return orNone(values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
            return orNone(value.toString());
        }

        private static Map<String, String> strings(Map<?, ?> texts) {
            return texts.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toMap(
                            entry -> String.valueOf(entry.getKey()), entry -> String.valueOf(entry.getValue())));
        }

        /** Values are data: keep each on its own line and short. */
        private static String oneLine(String value) {
            String line = HeaderValues.oneLine(value);
            return line.length() <= MAX_VALUE_LENGTH ? line : line.substring(0, MAX_VALUE_LENGTH - 1) + "…";
        }
    }

    private static final class Lines {

        private final StringBuilder text = new StringBuilder();

        Lines add(String line) {
            text.append(line).append('\n');
            return this;
        }

        Lines addIf(String label, @Nullable String value) {
            return value == null || value.isBlank() ? this : add(label + ": " + HeaderValues.oneLine(value));
        }

        Lines blank() {
            text.append('\n');
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
