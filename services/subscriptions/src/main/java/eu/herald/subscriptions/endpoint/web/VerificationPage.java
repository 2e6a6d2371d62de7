package eu.herald.subscriptions.endpoint.web;

import eu.herald.subscriptions.endpoint.EmailVerification;
import eu.herald.subscriptions.endpoint.Endpoint;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.Municipality;
import eu.herald.subscriptions.page.Languages;
import eu.herald.subscriptions.page.PublicPages;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The confirmation link of the double opt-in. GET only shows a page with a button (mail scanners
 * prefetch links); POST confirms. The page is in the municipality's language, like the mail with the link; an
 * expired link says so in that language too, a link that is not genuine in the browser's.
 */
@RestController
class VerificationPage {

    private final EmailVerification verification;
    private final Municipalities municipalities;
    private final Languages languages;
    private final PublicPages pages;

    VerificationPage(
            EmailVerification verification, Municipalities municipalities, Languages languages, PublicPages pages) {
        this.verification = verification;
        this.municipalities = municipalities;
        this.languages = languages;
        this.pages = pages;
    }

    @GetMapping(value = "/endpoints/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(
            @PathVariable String token,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        return verification
                .pending(token)
                .map(endpoint -> page(HttpStatus.OK, "ask", "verification.title", endpoint))
                .orElseGet(() -> invalid(token, acceptLanguage));
    }

    @PostMapping(value = "/endpoints/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(
            @PathVariable String token,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        return verification
                .confirm(token)
                .map(endpoint -> page(HttpStatus.OK, "done", "verified.title", endpoint))
                .orElseGet(() -> invalid(token, acceptLanguage));
    }

    private ResponseEntity<String> invalid(String token, @Nullable String acceptLanguage) {
        return verification
                .expired(token)
                .map(endpoint -> page(HttpStatus.NOT_FOUND, "expired", "verification.expired.title", endpoint))
                .orElseGet(() -> {
                    Map<String, @Nullable Object> model = new HashMap<>();
                    model.put("state", "invalid");
                    model.put("heading", "verification.invalid.title");
                    return pages.render(
                            HttpStatus.NOT_FOUND, "verification", languages.accepted(acceptLanguage), model);
                });
    }

    private ResponseEntity<String> page(HttpStatus status, String state, String heading, Endpoint endpoint) {
        Municipality municipality = municipalities.require(endpoint.municipalityId());
        Map<String, @Nullable Object> model = new HashMap<>();
        model.put("state", state);
        model.put("heading", heading);
        model.put("municipality", municipality.name());
        model.put("address", endpoint.address());
        return pages.render(status, "verification", languages.of(municipality.language()), model);
    }
}
