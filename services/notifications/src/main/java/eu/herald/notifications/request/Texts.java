package eu.herald.notifications.request;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Picks the best text of a per-language map (keys are BCP 47 tags) for a reader. */
public final class Texts {

    private Texts() {}

    public static String in(Map<String, String> texts, Locale language, @Nullable String defaultLanguage) {
        String tag = language.toLanguageTag();
        String text = texts.get(tag);
        if (text == null) {
            text = texts.get(language.getLanguage());
        }
        if (text == null && defaultLanguage != null) {
            text = texts.get(defaultLanguage);
        }
        if (text == null) {
            text = texts.get("en");
        }
        if (text == null) {
            // a stable choice, so that every rendering of the same change reads the same
            text = new TreeMap<>(texts).firstEntry().getValue();
        }
        return text;
    }
}
