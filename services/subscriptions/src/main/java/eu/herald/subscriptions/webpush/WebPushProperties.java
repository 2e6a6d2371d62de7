package eu.herald.subscriptions.webpush;

import jakarta.validation.constraints.AssertTrue;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param vapidPublicKey the application server key browsers subscribe with: the VAPID public key of the
 *     notifications service (an uncompressed P-256 point, base64url). Without it the page cannot subscribe.
 * @param allowedAddresses CIDR blocks the SSRF guard lets through although its rules forbid them, when a push
 *     subscription is registered (a push service on this machine or in the operator's network); the
 *     notifications service needs the same blocks in {@code herald.notifications.web-push.allowed-addresses}
 */
@Validated
@ConfigurationProperties("herald.subscriptions.web-push")
public record WebPushProperties(
        @Nullable String vapidPublicKey, @DefaultValue List<String> allowedAddresses) {

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
