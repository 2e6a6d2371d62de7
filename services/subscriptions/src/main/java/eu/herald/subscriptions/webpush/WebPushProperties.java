package eu.herald.subscriptions.webpush;

import jakarta.validation.constraints.AssertTrue;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param vapidPublicKey the application server key browsers subscribe with: the VAPID public key of the
 *     notifications service (an uncompressed P-256 point, base64url). Without it the page cannot subscribe.
 */
@Validated
@ConfigurationProperties("herald.subscriptions.web-push")
public record WebPushProperties(@Nullable String vapidPublicKey) {

    public boolean configured() {
        return vapidPublicKey != null && !vapidPublicKey.isBlank();
    }

    @AssertTrue(message = "vapid-public-key must be an uncompressed P-256 point in base64url (65 bytes)")
    boolean isVapidPublicKeyWellFormed() {
        if (!configured()) {
            return true;
        }
        try {
            byte[] point = Base64.getUrlDecoder()
                    .decode(String.valueOf(vapidPublicKey).strip().replace("=", ""));
            return point.length == 65 && point[0] == 4;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
