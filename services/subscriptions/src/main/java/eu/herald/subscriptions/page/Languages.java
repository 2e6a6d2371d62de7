package eu.herald.subscriptions.page;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The languages pages and mails are written in ({@code herald.subscriptions.languages}: en, pl, pt), English when
 * the one asked for is not among them.
 */
@Component
public class Languages {

    private final List<String> supported;

    Languages(SubscriptionsProperties properties) {
        this.supported = properties.languages();
    }

    /** The language of a BCP 47 tag such as a municipality's {@code pl} (or {@code pt-PT}), else English. */
    public Locale of(@Nullable String tag) {
        if (tag != null) {
            String language = Locale.forLanguageTag(tag).getLanguage();
            if (supported.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return Locale.ENGLISH;
    }

    /** The first supported language of an {@code Accept-Language} header, else English. */
    public Locale accepted(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = Locale.forLanguageTag(range.getRange()).getLanguage();
                if (range.getWeight() > 0 && supported.contains(language)) {
                    return Locale.forLanguageTag(language);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header that is not a language priority list: the default
        }
        return Locale.ENGLISH;
    }
}
