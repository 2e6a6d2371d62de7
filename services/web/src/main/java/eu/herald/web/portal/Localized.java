package eu.herald.web.portal;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A text the catalogue keeps in several languages, in the page's language, else English, else any it has. */
public final class Localized {

    private Localized() {}

    /**
     * The locale dates and country names are written in: Portuguese as in Portugal (Polónia, not Polônia), whose
     * municipalities Herald serves.
     */
    public static Locale regional(Locale locale) {
        return locale.getLanguage().equals("pt") && locale.getCountry().isEmpty()
                ? Locale.forLanguageTag("pt-PT")
                : locale;
    }

    public static @Nullable String pick(@Nullable Map<String, String> texts, Locale locale) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        String text = texts.get(locale.getLanguage());
        if (text == null || text.isBlank()) {
            text = texts.get("en");
        }
        return text == null || text.isBlank() ? texts.values().iterator().next() : text;
    }
}
