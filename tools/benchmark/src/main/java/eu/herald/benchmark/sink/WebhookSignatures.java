package eu.herald.benchmark.sink;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 as Herald signs: each endpoint's secret is {@code whsec_} + base64 of
 * HMAC-SHA256(master key, "{endpointId}:{secretVersion}") (ADR 0007), and a delivery's
 * {@code webhook-signature} is {@code v1,} + base64 of HMAC-SHA256(secret, "{id}.{timestamp}.{body}"),
 * keyed with the secret's decoded bytes.
 */
public final class WebhookSignatures {

    /** Every benchmark endpoint is at its first secret. */
    public static final int SECRET_VERSION = 1;

    private final SecretKeySpec masterKey;

    public WebhookSignatures(String masterKey) {
        this.masterKey = new SecretKeySpec(masterKey.getBytes(UTF_8), "HmacSHA256");
    }

    /** The raw signing key of an endpoint: the bytes behind its {@code whsec_} secret. */
    public byte[] endpointKey(String endpointId) {
        return hmac(masterKey, (endpointId + ":" + SECRET_VERSION).getBytes(UTF_8));
    }

    /** The {@code webhook-signature} value for this delivery. */
    public static String sign(byte[] endpointKey, String id, String timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(signature(endpointKey, id, timestamp, body));
    }

    /** Whether one of the space-separated {@code v1,…} signatures of the header matches. */
    public static boolean verify(byte[] endpointKey, String id, String timestamp, byte[] body, String header) {
        byte[] expected = signature(endpointKey, id, timestamp, body);
        for (String candidate : header.trim().split(" +")) {
            if (candidate.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // not a signature of ours
                }
            }
        }
        return false;
    }

    private static byte[] signature(byte[] endpointKey, String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return hmac(new SecretKeySpec(endpointKey, "HmacSHA256"), content);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
