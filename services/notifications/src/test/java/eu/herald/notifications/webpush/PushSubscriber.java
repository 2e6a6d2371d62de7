package eu.herald.notifications.webpush;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's side of a push subscription: its key pair and authentication secret, and the decryption of what
 * arrives (RFC 8291 / RFC 8188). Written apart from the service's encryption on purpose, so that the tests do not
 * check the encryption against itself: it reads the header instead of assuming it, accepts any record size and
 * padding, and derives keys with a general HKDF.
 *
 * @param endpoint the push resource at the push service
 * @param applicationServerKey the VAPID public key the browser subscribed with; the push service checks {@code k=}
 */
public record PushSubscriber(URI endpoint, KeyPair keys, byte[] authSecret, String applicationServerKey) {

    /** The same browser keys, subscribed at another push resource. */
    public PushSubscriber at(URI elsewhere) {
        return new PushSubscriber(elsewhere, keys, authSecret, applicationServerKey);
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public static PushSubscriber subscribe(URI endpoint, String applicationServerKey) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new PushSubscriber(endpoint, generator.generateKeyPair(), auth, applicationServerKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code p256dh} of {@code pushSubscription.toJSON()}. */
    public String p256dh() {
        return BASE64URL.encodeToString(uncompressed((ECPublicKey) keys.getPublic()));
    }

    /** The {@code auth} of {@code pushSubscription.toJSON()}. */
    public String auth() {
        return BASE64URL.encodeToString(authSecret);
    }

    /** The plaintext of an {@code aes128gcm} body. */
    public byte[] decrypt(byte[] body) throws GeneralSecurityException {
        return decrypt(body, keys.getPrivate(), uncompressed((ECPublicKey) keys.getPublic()), authSecret);
    }

    static byte[] decrypt(byte[] body, PrivateKey privateKey, byte[] publicPoint, byte[] authSecret)
            throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] records = new byte[in.remaining()];
        in.get(records);

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(privateKey);
        ecdh.doPhase(publicKey(senderKey), true);
        byte[] ikm = expand(
                extract(authSecret, ecdh.generateSecret()),
                join("WebPush: info".getBytes(US_ASCII), new byte[] {0}, publicPoint, senderKey),
                32);
        byte[] prk = extract(salt, ikm);
        byte[] key = expand(prk, join("Content-Encoding: aes128gcm".getBytes(US_ASCII), new byte[] {0}), 16);
        byte[] baseNonce = expand(prk, join("Content-Encoding: nonce".getBytes(US_ASCII), new byte[] {0}), 12);

        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        int count = (records.length + recordSize - 1) / recordSize;
        for (int i = 0; i < count; i++) {
            byte[] record = Arrays.copyOfRange(records, i * recordSize, Math.min(records.length, (i + 1) * recordSize));
            byte[] nonce = baseNonce.clone();
            // the record sequence number is XORed into the last bytes of the nonce
            for (int b = 0; b < 8; b++) {
                nonce[nonce.length - 1 - b] ^= (byte) ((long) i >>> (8 * b));
            }
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] padded = aes.doFinal(record);
            int end = padded.length - 1;
            while (end >= 0 && padded[end] == 0) {
                end--;
            }
            byte delimiter = end >= 0 ? padded[end] : -1;
            boolean last = i == count - 1;
            if (delimiter != (last ? 2 : 1)) {
                throw new GeneralSecurityException("record " + i + " has the wrong padding delimiter " + delimiter);
            }
            plaintext.write(padded, 0, end);
        }
        return plaintext.toByteArray();
    }

    static PublicKey publicKey(byte[] point) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, curve));
    }

    static PrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), curve));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] x = unsigned32(key.getW().getAffineX());
        byte[] y = unsigned32(key.getW().getAffineY());
        return join(new byte[] {4}, x, y);
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] extract(byte[] salt, byte[] ikm) throws GeneralSecurityException {
        return hmac(salt, ikm);
    }

    /** RFC 5869 expand, for any length. */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        byte[] okm = new byte[0];
        byte[] previous = new byte[0];
        for (int counter = 1; okm.length < length; counter++) {
            previous = hmac(prk, join(previous, info, new byte[] {(byte) counter}));
            okm = join(okm, previous);
        }
        return Arrays.copyOf(okm, length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] join(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        ByteBuffer joined = ByteBuffer.allocate(length);
        Arrays.stream(parts).forEach(joined::put);
        return joined.array();
    }
}
