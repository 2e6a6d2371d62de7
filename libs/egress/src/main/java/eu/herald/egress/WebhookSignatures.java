package eu.herald.egress;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 signatures: {@code v1,} + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")),
 * the key being the base64 part of a {@code whsec_} secret. Several secrets (during a rotation) give several
 * signatures separated by spaces; a receiver accepts the message when any one verifies.
 */
public final class WebhookSignatures {

    static final String SECRET_PREFIX = "whsec_";

    private WebhookSignatures() {}

    /** The {@code webhook-signature} header for these secrets, in their order. */
    public static String header(List<String> secrets, String id, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook is never sent unsigned");
        }
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    static String sign(String secret, String id, long timestamp, byte[] body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
