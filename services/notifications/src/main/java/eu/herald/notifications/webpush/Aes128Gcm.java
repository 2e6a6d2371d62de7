package eu.herald.notifications.webpush;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a push message for one browser (RFC 8291 over RFC 8188 {@code aes128gcm}): a fresh P-256 key pair and
 * a fresh 16-byte salt per message, the shared secret mixed with the subscription's authentication secret, the
 * whole message in one record.
 */
final class Aes128Gcm {

    /** The record size written in the header; one record holds the whole message. */
    static final int RECORD_SIZE = 4096;

    /**
     * The largest message that keeps the body within the 4096 bytes every push service accepts: 4096 minus the
     * header (salt 16, record size 4, key id length 1, key 65), the padding delimiter and the GCM tag.
     */
    static final int MAX_PLAINTEXT = RECORD_SIZE - 86 - 1 - 16;

    private static final int SALT_LENGTH = 16;
    private static final int AUTH_SECRET_LENGTH = 16;
    private static final byte LAST_RECORD = 0x02;

    private final SecureRandom random = new SecureRandom();

    /**
     * @param browserKey the subscription's {@code p256dh}: an uncompressed P-256 point
     * @param authSecret the subscription's {@code auth}: 16 bytes
     * @throws GeneralSecurityException when the keys are unusable
     */
    byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret) throws GeneralSecurityException {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return encrypt(plaintext, browserKey, authSecret, P256.newKeyPair(), salt);
    }

    /** With a given key pair and salt: only for checking the result against the RFC's worked example. */
    static byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret, KeyPair ours, byte[] salt)
            throws GeneralSecurityException {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new GeneralSecurityException(
                    "a push message holds at most " + MAX_PLAINTEXT + " bytes, not " + plaintext.length);
        }
        if (authSecret.length != AUTH_SECRET_LENGTH) {
            throw new GeneralSecurityException("the authentication secret must be 16 bytes");
        }
        ECPublicKey browser = P256.publicKey(browserKey);
        byte[] ourKey = P256.point((ECPublicKey) ours.getPublic());

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ours.getPrivate());
        agreement.doPhase(browser, true);
        byte[] sharedSecret = agreement.generateSecret();

        // RFC 8291 section 3.4: the input keying material binds both public keys and the auth secret
        byte[] keyInfo = concat("WebPush: info\0".getBytes(US_ASCII), browserKey, ourKey);
        byte[] ikm = hkdf(authSecret, sharedSecret, keyInfo, 32);
        // RFC 8188 section 2.2 and 2.3
        byte[] contentKey = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + 1);
        padded[plaintext.length] = LAST_RECORD;
        byte[] ciphertext = cipher.doFinal(padded);

        ByteBuffer header = ByteBuffer.allocate(SALT_LENGTH + 4 + 1 + ourKey.length);
        header.put(salt).putInt(RECORD_SIZE).put((byte) ourKey.length).put(ourKey);
        return concat(header.array(), ciphertext);
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of at most one hash length, which is all web push needs. */
    private static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) throws GeneralSecurityException {
        byte[] pseudoRandomKey = hmac(salt, inputKey);
        return Arrays.copyOf(hmac(pseudoRandomKey, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
