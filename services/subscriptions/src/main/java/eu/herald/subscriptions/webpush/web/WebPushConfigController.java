package eu.herald.subscriptions.webpush.web;

import eu.herald.subscriptions.webpush.WebPushProperties;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a browser needs to subscribe: the key push services will see this server's messages signed with. */
@RestController
class WebPushConfigController {

    private final WebPushProperties properties;

    WebPushConfigController(WebPushProperties properties) {
        this.properties = properties;
    }

    /** {@code {"vapidPublicKey": "B…"}}, or 503 when this server has no key: a browser cannot subscribe then. */
    @GetMapping("/api/web-push/config")
    ResponseEntity<?> config() {
        if (!properties.configured()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "No VAPID public key is configured (herald.subscriptions.web-push.vapid-public-key).");
            problem.setTitle("Web push is not configured");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
        }
        return ResponseEntity.ok(Map.of(
                "vapidPublicKey", String.valueOf(properties.vapidPublicKey()).strip()));
    }
}
