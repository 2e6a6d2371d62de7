package eu.herald.web.console;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A text per language, as the catalogue gives titles, names and labels: shown in the page's language if it has one. */
public final class Texts {

    private Texts() {}

    public static String in(@Nullable Map<String, String> texts, Locale locale, String fallbackLanguage) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String text = texts.get(locale.getLanguage());
        if (text == null || text.isBlank()) {
            text = texts.get(fallbackLanguage);
        }
        if (text == null || text.isBlank()) {
            text = texts.get("en");
        }
        return text != null ? text : texts.values().iterator().next();
    }

    public static boolean contains(@Nullable Map<String, String> texts, String wanted) {
        String needle = wanted.strip().toLowerCase(Locale.ROOT);
        return needle.isEmpty()
                || (texts != null
                        && texts.values().stream()
                                .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle)));
    }
}
