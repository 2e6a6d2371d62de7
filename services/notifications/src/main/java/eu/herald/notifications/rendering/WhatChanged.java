package eu.herald.notifications.rendering;

import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import eu.herald.notifications.request.Texts;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a change in the reader's words: each one's value after the change, from the session's snapshot,
 * and before it, from the change's previous values (plain JSON values, told as they came when they are odd).
 */
final class WhatChanged {

    private final SessionChange change;
    private final Session session;
    private final Locale language;
    private final Wording words;
    private final LocalTimes times;

    WhatChanged(SessionChange change, Locale language, Wording words, LocalTimes times) {
        this.change = change;
        this.session = change.session();
        this.language = language;
        this.words = words;
        this.times = times;
    }

    ChangedField field(String field) {
        String label = words.textOrNull("field." + field);
        String after = current(field);
        // a field this service does not know yet: say what it was
        return new ChangedField(
                label == null ? Values.oneLine(field) : label, previous(field), after == null ? "…" : after);
    }

    /** The value after the change, or null for a field the snapshot does not carry here. */
    private @Nullable String current(String field) {
        return switch (field) {
            case "start" -> times.dateTime(times.at(session.start(), session.zone()));
            case "end" -> times.dateTime(times.at(session.end(), session.zone()));
            case "zone" -> session.zone().getId();
            case "title" -> Values.oneLine(session.title(language));
            case "description" -> words.orNone(session.description(language));
            case "format" -> words.format(session.format());
            case "status" -> words.status(session.status());
            case "venue" -> words.orNone(session.venue());
            case "platform" -> words.orNone(session.platform());
            case "joinLink" -> words.orNone(session.joinLink());
            case "registrationLink" -> words.orNone(session.registrationLink());
            case "cancellationReason" -> words.orNone(session.cancellationReason());
            case "themes" -> list(session.themes());
            case "languages" -> list(session.languages());
            case "organisers" -> list(session.organisers());
            default -> null;
        };
    }

    /** An emptied list is told as none, like any value that is no longer there; null when the snapshot did not say. */
    private @Nullable String list(@Nullable List<String> values) {
        return values == null ? null : words.orNone(String.join(", ", values));
    }

    private String previous(String field) {
        Object value = change.previous().get(field);
        if (value == null) {
            return words.none();
        }
        try {
            return switch (field) {
                case "start", "end" ->
                    times.dateTime(times.at(LocalDateTime.parse(value.toString()), PreviousTimes.zone(change)));
                case "title", "description" -> value instanceof Map<?, ?> texts ? text(strings(texts)) : plain(value);
                case "format" -> words.format(value.toString());
                case "status" -> words.status(value.toString());
                default -> plain(value);
            };
        } catch (DateTimeException | ClassCastException e) {
            // an odd previous value must not stop the notification: show it as it came
            return plain(value);
        }
    }

    private String text(Map<String, String> texts) {
        return texts.isEmpty() ? words.none() : Values.oneLine(Texts.in(texts, language, session.defaultLanguage()));
    }

    private String plain(Object value) {
        if (value instanceof Collection<?> values) {
            return words.orNone(values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return words.orNone(value.toString());
    }

    private static Map<String, String> strings(Map<?, ?> texts) {
        return texts.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(
                        entry -> String.valueOf(entry.getKey()), entry -> String.valueOf(entry.getValue())));
    }
}
