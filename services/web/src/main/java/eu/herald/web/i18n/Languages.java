package eu.herald.web.i18n;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' language: chosen with {@code ?lang=pl} (the language menu on every page; other languages are ignored)
 * and kept in a cookie;
 * until then the first of the browser's {@code Accept-Language} that Herald speaks; English otherwise.
 */
@Configuration(proxyBeanMethods = false)
class Languages {

    static final List<Locale> SPOKEN =
            List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"), Locale.forLanguageTag("pt"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("HERALD_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(Languages::fromBrowser);
        return resolver;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale spoken : SPOKEN) {
                if (spoken.getLanguage().equals(wanted.getLanguage())) {
                    return spoken;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /**
     * {@code ?lang=} is read by a filter ahead of Spring Security, so that it also applies to the redirect to the
     * sign-in page, which then speaks that language too.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> languageChoice(LocaleResolver resolver) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String chosen = request.getParameter("lang");
                if (chosen != null) {
                    SPOKEN.stream()
                            .filter(spoken -> spoken.getLanguage().equals(chosen))
                            .findFirst()
                            .ifPresent(spoken -> resolver.setLocale(request, response, spoken));
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
