package eu.herald.notifications.webpush;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identifies this server to push services (RFC 8292): an ES256-signed JWT for the push service's origin, with an
 * expiry at most 24 hours ahead and a contact, sent with the public key as {@code Authorization: vapid t=…, k=…}.
 * A token is reused for the same origin until half its validity has passed: one signature per push service and
 * some hours, not per message.
 */
final class Vapid {

    static final Duration LONGEST_VALIDITY = Duration.ofHours(24);

    private final KeyPair keys;
    private final String publicKey;
    private final String subject;
    private final Duration validity;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /**
     * @param publicKey uncompressed P-256 point, base64url
     * @param privateKey 32-byte scalar, base64url
     * @throws IllegalArgumentException when the keys are malformed or do not form a pair
     */
    Vapid(String publicKey, String privateKey, String subject, Duration validity, Clock clock) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_VALIDITY) > 0) {
            throw new IllegalArgumentException("a VAPID token must expire within 24 hours (RFC 8292)");
        }
        try {
            ECPublicKey pub = P256.publicKey(P256.decode(publicKey));
            ECPrivateKey priv = P256.privateKey(P256.decode(privateKey));
            this.keys = new KeyPair(pub, priv);
            this.publicKey = P256.encode(P256.point(pub));
            if (!verifies(this.keys)) {
                throw new IllegalArgumentException("the VAPID public and private keys do not form a pair");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unusable VAPID keys: " + e.getMessage(), e);
        }
        this.subject = subject;
        this.validity = validity;
        this.clock = clock;
    }

    /** The value of the {@code Authorization} header for a message to this push resource. */
    String authorization(URI pushResource) {
        String audience = origin(pushResource);
        Instant now = clock.instant();
        Token token = tokens.compute(
                audience,
                (origin, cached) -> cached != null && cached.freshAt(now, validity)
                        ? cached
                        : new Token(sign(origin, now.plus(validity)), now.plus(validity)));
        return "vapid t=" + token.jwt() + ", k=" + publicKey;
    }

    String publicKey() {
        return publicKey;
    }

    /** {@code scheme://host[:port]}, the port only when it is not the scheme's default. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private String sign(String audience, Instant expiry) {
        String header = P256.encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(UTF_8));
        String claims = P256.encode(("{\"aud\":\"" + json(audience) + "\",\"exp\":" + expiry.getEpochSecond()
                        + ",\"sub\":\"" + json(subject) + "\"}")
                .getBytes(UTF_8));
        String signingInput = header + "." + claims;
        try {
            // JWS wants the raw r ‖ s (64 bytes), not DER: the P1363 format gives exactly that
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(keys.getPrivate());
            es256.update(signingInput.getBytes(UTF_8));
            return signingInput + "." + P256.encode(es256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a VAPID token", e);
        }
    }

    private static boolean verifies(KeyPair keys) throws GeneralSecurityException {
        byte[] probe = "herald vapid key check".getBytes(UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(keys.getPrivate());
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(keys.getPublic());
        verifier.update(probe);
        return verifier.verify(signature);
    }

    /** Origins and contacts are plain ASCII URLs; escaping quotes and backslashes keeps the claims valid JSON. */
    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private record Token(String jwt, Instant expiresAt) {

        boolean freshAt(Instant now, Duration validity) {
            return now.isBefore(expiresAt.minus(validity.dividedBy(2)));
        }
    }
}
