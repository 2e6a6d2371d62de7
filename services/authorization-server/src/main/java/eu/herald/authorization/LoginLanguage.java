package eu.herald.authorization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the login page, English, Polish or Portuguese: the first of the authorization request's
 * {@code ui_locales} that Herald speaks, else the best match of the browser's {@code Accept-Language}, else
 * English.
 */
final class LoginLanguage implements LocaleResolver {

    static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"), Locale.forLanguageTag("pt"));

    private final RequestCache requests = new HttpSessionRequestCache();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var saved = requests.getRequest(request, null);
        String[] uiLocales = saved == null ? null : saved.getParameterValues("ui_locales");
        if (uiLocales != null) {
            for (String tag : String.join(" ", uiLocales).split(" ")) {
                Locale spoken = spoken(Locale.forLanguageTag(tag));
                if (spoken != null) {
                    return spoken;
                }
            }
        }
        Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage(request)), LANGUAGES);
        return best == null ? Locale.ENGLISH : best;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("the language follows the request");
    }

    private static @Nullable Locale spoken(Locale locale) {
        return LANGUAGES.stream()
                .filter(language -> language.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(null);
    }

    private static String acceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return "en";
        }
        try {
            Locale.LanguageRange.parse(header);
            return header;
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
    }
}
