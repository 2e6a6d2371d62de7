package eu.herald.subscriptions.signing;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tokens of the form {@code base64url(payload).base64url(HMAC-SHA256(purpose, payload))}: they need no
 * table, cannot be forged without the key, and a token made for one purpose (verifying an address)
 * is useless for another (unsubscribing).
 */
@Component
public class SignedTokens {

    private static final Logger log = LoggerFactory.getLogger(SignedTokens.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String baseUrl;
    /** A fan-out signs one link per endpoint: an initialised Mac per thread saves the provider lookup. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    SignedTokens(SubscriptionsProperties properties) {
        String secret = properties.unsubscribe().secret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = new SecretKeySpec(random, "HmacSHA256");
            log.warn("herald.subscriptions.unsubscribe.secret is not set: signing links with a random key; "
                    + "unsubscribe and verification links will not survive a restart");
        } else {
            if (secret.length() < 32) {
                throw new IllegalStateException("herald.subscriptions.unsubscribe.secret needs at least 32 characters");
            }
            this.key = new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256");
        }
        String base = properties.unsubscribe().baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String sign(String purpose, String payload) {
        byte[] data = payload.getBytes(UTF_8);
        return ENCODER.encodeToString(data) + "." + ENCODER.encodeToString(mac(purpose, data));
    }

    /** The payload of a token signed for this purpose, or empty when it is malformed or forged. */
    public Optional<String> verify(String purpose, String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] data = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac(purpose, data))
                    ? Optional.of(new String(data, UTF_8))
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The public URL of a path of this service, such as {@code /unsubscribe/<token>}. */
    public String link(String path) {
        return baseUrl + path;
    }

    private byte[] mac(String purpose, byte[] data) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(data);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
