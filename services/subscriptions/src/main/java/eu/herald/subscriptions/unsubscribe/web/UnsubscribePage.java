package eu.herald.subscriptions.unsubscribe.web;

import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.Municipality;
import eu.herald.subscriptions.naming.SessionNames;
import eu.herald.subscriptions.page.Languages;
import eu.herald.subscriptions.page.PublicPages;
import eu.herald.subscriptions.subscription.Selector;
import eu.herald.subscriptions.theme.Themes;
import eu.herald.subscriptions.unsubscribe.Unsubscription;
import eu.herald.subscriptions.unsubscribe.Unsubscription.Described;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The target of {@code List-Unsubscribe}. POST unsubscribes without login (RFC 8058: mail clients
 * send {@code List-Unsubscribe=One-Click} as a form body; the page's own button sends the same);
 * GET only shows what would be unsubscribed, because link scanners and previews fetch GETs.
 *
 * <p>The page speaks the language of the mails that link to it (the subscription's language, else the
 * municipality's) and names what it is about: the theme's label, the event's name or the session's title in that
 * language, or "this session" when this service has not seen it yet; never an id. A link that is not valid any
 * more is explained in the municipality's language when the token is genuine, else in the browser's.
 */
@RestController
class UnsubscribePage {

    private final Unsubscription unsubscription;
    private final Municipalities municipalities;
    private final Themes themes;
    private final SessionNames names;
    private final Languages languages;
    private final PublicPages pages;

    UnsubscribePage(
            Unsubscription unsubscription,
            Municipalities municipalities,
            Themes themes,
            SessionNames names,
            Languages languages,
            PublicPages pages) {
        this.unsubscription = unsubscription;
        this.municipalities = municipalities;
        this.themes = themes;
        this.names = names;
        this.languages = languages;
        this.pages = pages;
    }

    @GetMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(
            @PathVariable String token,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        return unsubscription
                .describe(token)
                .map(described -> page("ask", "unsubscribe.title", described))
                .orElseGet(() -> invalid(token, acceptLanguage));
    }

    @PostMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(
            @PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) @Nullable String oneClick,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        return unsubscription
                .unsubscribe(token)
                .map(described -> page("done", "unsubscribed.title", described))
                .orElseGet(() -> invalid(token, acceptLanguage));
    }

    private ResponseEntity<String> page(String state, String heading, Described described) {
        Municipality municipality = municipalities.require(described.endpoint().municipalityId());
        String language = described.subscription().language();
        Locale locale = languages.of(language == null ? municipality.language() : language);
        Selector selector = described.subscription().selector();
        String kind = selector.type().name().toLowerCase(Locale.ROOT);
        Optional<String> name = switch (selector.type()) {
            case THEME -> themes.label(selector.value(), locale);
            case EVENT -> names.eventName(UUID.fromString(selector.value()), locale);
            case SESSION -> names.sessionTitle(UUID.fromString(selector.value()), locale);
        };
        Map<String, @Nullable Object> model = new HashMap<>();
        model.put("state", state);
        model.put("heading", heading);
        model.put("municipality", municipality.name());
        model.put("address", described.endpoint().address());
        model.put("whatKey", "what." + kind + (name.isPresent() ? "" : ".unknown"));
        model.put("name", name.orElse(null));
        return pages.render(HttpStatus.OK, "unsubscribe", locale, model);
    }

    private ResponseEntity<String> invalid(String token, @Nullable String acceptLanguage) {
        Optional<Municipality> municipality =
                unsubscription.municipalityOf(token).flatMap(municipalities::findById);
        Locale locale = municipality
                .map(known -> languages.of(known.language()))
                .orElseGet(() -> languages.accepted(acceptLanguage));
        Map<String, @Nullable Object> model = new HashMap<>();
        model.put("state", "invalid");
        model.put("heading", "unsubscribe.invalid.title");
        model.put("municipality", municipality.map(Municipality::name).orElse(null));
        model.put("whatKey", "what.session.unknown");
        return pages.render(HttpStatus.NOT_FOUND, "unsubscribe", locale, model);
    }
}
