package eu.herald.web.i18n;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Texts the catalogue keeps in several languages, shown in the page's language; dates and countries written as the
 * page's language writes them in Europe.
 */
public final class Localized {

    private Localized() {}

    /**
     * The locale dates and country names are written in: Portuguese as in Portugal (Polónia, not Polônia), English as
     * in Europe (11 Oct 2022, 16:30, not Oct 11, 2022, 4:30 PM), as the municipalities Herald serves write them.
     */
    public static Locale regional(Locale locale) {
        if (!locale.getCountry().isEmpty()) {
            return locale;
        }
        return switch (locale.getLanguage()) {
            case "pt" -> Locale.forLanguageTag("pt-PT");
            case "en" -> Locale.UK;
            default -> locale;
        };
    }

    /** In the page's language, else English, else any language it has; null when there is no text at all. */
    public static @Nullable String pick(@Nullable Map<String, String> texts, Locale locale) {
        return pick(texts, locale, "en");
    }

    /**
     * In the page's language, else the text's own default language (a session's), else English, else any language it
     * has; null when there is no text at all.
     */
    public static @Nullable String pick(@Nullable Map<String, String> texts, Locale locale, String defaultLanguage) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        for (String language : new String[] {locale.getLanguage(), defaultLanguage, "en"}) {
            String text = texts.get(language);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return texts.values().iterator().next();
    }

    /** Whether any language of the text contains what was searched for, ignoring case; an empty search matches. */
    public static boolean contains(@Nullable Map<String, String> texts, String wanted) {
        String needle = wanted.strip().toLowerCase(Locale.ROOT);
        return needle.isEmpty()
                || (texts != null
                        && texts.values().stream()
                                .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle)));
    }
}
