package eu.herald.subscriptions.naming;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks the text of one language from texts per BCP 47 language tag, as the catalogue writes them. */
public final class Texts {

    private static final String FALLBACK = "en";

    private Texts() {}

    /**
     * The text in the language (or its primary language: {@code pt} for {@code pt-BR}), else in English, else in
     * any language it has; empty when there is no text at all.
     */
    public static Optional<String> in(Map<String, String> texts, Locale locale) {
        String tag = locale.toLanguageTag();
        for (String wanted : new String[] {tag, locale.getLanguage(), FALLBACK}) {
            String text = texts.get(wanted);
            if (text != null && !text.isBlank()) {
                return Optional.of(text);
            }
        }
        return texts.values().stream().filter(text -> !text.isBlank()).findFirst();
    }
}
