package eu.herald.subscriptions.unsubscribe.web;

import eu.herald.subscriptions.unsubscribe.Unsubscription;
import eu.herald.subscriptions.unsubscribe.Unsubscription.Described;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The target of {@code List-Unsubscribe}. POST unsubscribes without login (RFC 8058: mail clients
 * send {@code List-Unsubscribe=One-Click} as a form body; the page's own button sends the same);
 * GET only shows what would be unsubscribed, because link scanners and previews fetch GETs.
 */
@RestController
class UnsubscribePage {

    private final Unsubscription unsubscription;

    UnsubscribePage(Unsubscription unsubscription) {
        this.unsubscription = unsubscription;
    }

    @GetMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token) {
        return unsubscription
                .describe(token)
                .map(described -> ResponseEntity.ok(page(
                        "Unsubscribe",
                        "<p>Stop sending notifications about " + what(described) + " to <strong>"
                                + HtmlUtils.htmlEscape(described.endpoint().address()) + "</strong>?</p>"
                                + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\""
                                + " value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form>")))
                .orElseGet(UnsubscribePage::invalid);
    }

    @PostMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(
            @PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) @Nullable String oneClick) {
        return unsubscription
                .unsubscribe(token)
                .map(described -> ResponseEntity.ok(page(
                        "Unsubscribed",
                        "<p>" + HtmlUtils.htmlEscape(described.endpoint().address())
                                + " no longer receives notifications about " + what(described) + ".</p>")))
                .orElseGet(UnsubscribePage::invalid);
    }

    private static String what(Described described) {
        return HtmlUtils.htmlEscape(
                described.subscription().selector().type().name().toLowerCase() + " "
                        + described.subscription().selector().value());
    }

    private static ResponseEntity<String> invalid() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML)
                .body(page("Link not valid", "<p>This unsubscribe link is not valid any more.</p>"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
