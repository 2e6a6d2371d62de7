package eu.herald.egress;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Webhook signing secrets, derived and never stored (ADR 0007): {@code whsec_} + base64 of HMAC-SHA256(master
 * key, "{endpointId}:{rotation}"), 32 random-looking bytes. Subscriptions shows them to the municipality;
 * notifications derives the same one from the {@code secretVersion} a request carries, so secrets never travel.
 */
public final class WebhookSecrets {

    private final SecretKeySpec masterKey;

    /** @param masterKey the key every secret derives from, used as its UTF-8 bytes */
    public WebhookSecrets(String masterKey) {
        if (masterKey.isBlank()) {
            throw new IllegalArgumentException("the webhook master key is blank");
        }
        this.masterKey = new SecretKeySpec(masterKey.getBytes(UTF_8), "HmacSHA256");
    }

    /** @param rotation the endpoint's {@code secretVersion}, from 1 */
    public String secret(UUID endpoint, int rotation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(masterKey);
            byte[] key = mac.doFinal((endpoint + ":" + rotation).getBytes(UTF_8));
            return WebhookSignatures.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The secrets a message is signed with: the current rotation's, and while a rotation's grace period lasts
     * ({@code now} before {@code previousSecretUntil}) the previous rotation's too, so that a receiver that has
     * not switched to the new secret yet still verifies (Standard Webhooks: space-separated signatures).
     */
    public List<String> signing(UUID endpoint, int rotation, @Nullable Instant previousSecretUntil, Instant now) {
        if (rotation > 1 && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            return List.of(secret(endpoint, rotation), secret(endpoint, rotation - 1));
        }
        return List.of(secret(endpoint, rotation));
    }
}
