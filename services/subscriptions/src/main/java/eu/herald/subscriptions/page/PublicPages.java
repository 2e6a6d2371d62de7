package eu.herald.subscriptions.page;

import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a public page in a given language: the template's {@code #{…}} messages come from the service's message
 * bundles in that language, whatever the browser asks for, because a page opened from a mail speaks the mail's
 * language. The pages carry a secret token in their URL: they are neither cached nor sent as a referrer.
 */
@Component
public class PublicPages {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final ITemplateEngine templates;

    PublicPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    public ResponseEntity<String> render(HttpStatus status, String template, Locale locale, Map<String, ?> model) {
        var context = new Context(locale);
        model.forEach(context::setVariable);
        context.setVariable("lang", locale.toLanguageTag());
        return ResponseEntity.status(status)
                .contentType(HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header("Referrer-Policy", "no-referrer")
                .cacheControl(CacheControl.noStore())
                .body(templates.process(template, context));
    }
}
