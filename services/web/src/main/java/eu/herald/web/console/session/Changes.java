package eu.herald.web.console.session;

import eu.herald.web.console.Preview;
import eu.herald.web.console.Programme;
import eu.herald.web.console.Times;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What a preview says changed, as recipients' alerts will tell it: each changed field's name in the page's language
 * and its value before and after, readable (times formatted, themes by their labels, titles per language).
 */
@Component
class Changes {

    /** One changed field. */
    record Change(String field, String before, String after) {}

    private static final String NONE = "—";

    private final MessageSource messages;
    private final Times times;
    private final Programme programme;

    Changes(MessageSource messages, Times times, Programme programme) {
        this.messages = messages;
        this.times = times;
        this.programme = programme;
    }

    List<Change> of(Preview preview, Locale locale) {
        if (preview.changedFields().isEmpty()) {
            return List.of();
        }
        Function<String, String> themes = themeLabels(locale);
        List<Change> changes = new ArrayList<>();
        for (String field : preview.changedFields()) {
            changes.add(new Change(
                    messages.getMessage("console.field." + field, null, field, locale),
                    shown(field, value(preview.previous(), field), themes, locale),
                    shown(field, value(preview.current(), field), themes, locale)));
        }
        return changes;
    }

    private Function<String, String> themeLabels(Locale locale) {
        Map<String, String> labels = programme.themeLabels(locale);
        return slug -> labels.getOrDefault(slug, slug);
    }

    private static @Nullable JsonNode value(@Nullable JsonNode values, String field) {
        return values == null ? null : values.get(field);
    }

    private String shown(String field, @Nullable JsonNode value, Function<String, String> themes, Locale locale) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NONE;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add("themes".equals(field) ? themes.apply(item.asString()) : item.asString()));
            return items.isEmpty() ? NONE : String.join(", ", items);
        }
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            value.properties()
                    .forEach(entry ->
                            entries.add(entry.getKey() + ": " + entry.getValue().asString()));
            return entries.isEmpty() ? NONE : String.join(" · ", entries);
        }
        String text = value.asString();
        if ("start".equals(field) || "end".equals(field)) {
            try {
                return times.local(LocalDateTime.parse(text));
            } catch (DateTimeParseException notATime) {
                return text;
            }
        }
        if ("format".equals(field)) {
            return messages.getMessage("console.format." + text, null, text, locale);
        }
        return text.isEmpty() ? NONE : text;
    }
}
