package eu.herald.catalogue.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A text in several languages, keyed by BCP 47 language tag ({@code en}, {@code pl}, {@code pt-BR}).
 * Blank entries carry no text and are left out, so "no title in English" has one representation.
 */
public record Texts(Map<String, String> byLanguage) {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Texts NONE = new Texts(Map.of());

    public Texts {
        var texts = new LinkedHashMap<String, String>();
        byLanguage.forEach((language, text) -> {
            if (language != null && text != null && !text.isBlank()) {
                texts.put(language, text);
            }
        });
        byLanguage = Collections.unmodifiableMap(texts);
    }

    public static Texts none() {
        return NONE;
    }

    public static Texts of(@Nullable Map<String, String> byLanguage) {
        return byLanguage == null ? NONE : new Texts(byLanguage);
    }

    public Optional<String> in(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    /** The keys that are not language tags, which consumers could not match against a locale. */
    public List<String> malformedLanguageTags() {
        return byLanguage.keySet().stream().filter(tag -> !isLanguageTag(tag)).toList();
    }

    public static boolean isLanguageTag(String tag) {
        return LANGUAGE_TAG.matcher(tag).matches();
    }
}
