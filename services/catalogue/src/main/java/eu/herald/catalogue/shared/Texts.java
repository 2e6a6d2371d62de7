package eu.herald.catalogue.shared;

import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A text in several languages, keyed by BCP 47 language tag ({@code en}, {@code pl}, {@code pt-BR}).
 * Blank entries carry no text and are left out, so "no title in English" has one representation.
 */
public record Texts(Map<String, String> byLanguage) {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
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

    /** The text in the first of these languages that has one, else in the fallback language, else any. */
    public Optional<String> preferring(List<String> languages, String fallback) {
        for (String language : languages) {
            String text = byLanguage.get(language);
            if (text != null) {
                return Optional.of(text);
            }
        }
        return in(fallback).or(() -> byLanguage.values().stream().findFirst());
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    /** The keys that are not language tags, which consumers could not match against a locale. */
    public List<String> malformedLanguageTags() {
        return byLanguage.keySet().stream().filter(tag -> !isLanguageTag(tag)).toList();
    }

    /** The languages whose text is longer than {@code max} characters. */
    public List<String> longerThan(int max) {
        return byLanguage.entrySet().stream()
                .filter(text -> text.getValue().length() > max)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A well-formed BCP 47 tag in lower-case primary language, whose two-letter language ISO 639 knows. */
    public static boolean isLanguageTag(String tag) {
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            return false;
        }
        try {
            String language = new Locale.Builder().setLanguageTag(tag).build().getLanguage();
            return language.length() != 2 || ISO_LANGUAGES.contains(language);
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
