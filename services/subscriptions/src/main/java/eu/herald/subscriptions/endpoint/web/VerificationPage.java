package eu.herald.subscriptions.endpoint.web;

import eu.herald.subscriptions.endpoint.EmailVerification;
import eu.herald.subscriptions.endpoint.Endpoint;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The confirmation link of the double opt-in. GET only shows a page with a button (mail scanners
 * prefetch links); POST confirms.
 */
@RestController
class VerificationPage {

    private final EmailVerification verification;

    VerificationPage(EmailVerification verification) {
        this.verification = verification;
    }

    @GetMapping(value = "/endpoints/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token) {
        Optional<Endpoint> endpoint = verification.pending(token);
        if (endpoint.isEmpty()) {
            return invalid();
        }
        return ResponseEntity.ok(page(
                "Confirm notifications",
                "<p>Receive Herald notifications at <strong>"
                        + HtmlUtils.htmlEscape(endpoint.get().address())
                        + "</strong>?</p><form method=\"post\"><button type=\"submit\">Confirm</button></form>"));
    }

    @PostMapping(value = "/endpoints/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        return verification
                .confirm(token)
                .map(endpoint -> ResponseEntity.ok(page(
                        "Address confirmed",
                        "<p>" + HtmlUtils.htmlEscape(endpoint.address()) + " now receives Herald notifications.</p>")))
                .orElseGet(VerificationPage::invalid);
    }

    private static ResponseEntity<String> invalid() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML)
                .body(page("Link not valid", "<p>This confirmation link is not valid or has expired.</p>"));
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
