package eu.herald.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VAPID key pair of the local stack's web push: made on the first start and kept in
 * {@code .herald/vapid.properties}, private like every key there, so that browsers subscribed with the public key keep
 * receiving after a restart. Subscriptions gets the public key (the page subscribes with it), notifications the pair
 * (it signs with the private key).
 *
 * @param publicKey uncompressed P-256 point, base64url
 * @param privateKey 32-byte scalar, base64url
 */
record VapidKeys(String publicKey, String privateKey) {

    private static final Logger log = LoggerFactory.getLogger(VapidKeys.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** The pair kept in the folder, made and kept there when there is none yet. */
    static synchronized VapidKeys keptIn(Path home) {
        Path file = home.resolve("vapid.properties");
        try {
            if (Files.isRegularFile(file)) {
                PrivateFiles.tighten(file);
                Properties kept = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    kept.load(in);
                }
                return new VapidKeys(kept.getProperty("public-key"), kept.getProperty("private-key"));
            }
            VapidKeys made = generate();
            Properties kept = new Properties();
            kept.setProperty("public-key", made.publicKey());
            kept.setProperty("private-key", made.privateKey());
            StringWriter text = new StringWriter();
            kept.store(text, "VAPID keys of the local stack's web push; delete to make new ones");
            PrivateFiles.write(file, text.toString());
            log.info("made a VAPID key pair for web push in {}", file);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the VAPID keys in " + file, e);
        }
    }

    /** The variables that give a service its part of the pair; none for the others. */
    Map<String, String> environmentOf(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (service.equals("subscriptions")) {
            environment.put("HERALD_SUBSCRIPTIONS_WEBPUSH_VAPIDPUBLICKEY", publicKey);
        } else if (service.equals("notifications")) {
            environment.put("HERALD_NOTIFICATIONS_WEBPUSH_VAPIDPUBLICKEY", publicKey);
            environment.put("HERALD_NOTIFICATIONS_WEBPUSH_VAPIDPRIVATEKEY", privateKey);
        }
        return environment;
    }

    static VapidKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            byte[] point = new byte[65];
            point[0] = 0x04;
            unsigned(publicKey.getW().getAffineX(), point, 1);
            unsigned(publicKey.getW().getAffineY(), point, 33);
            byte[] scalar = new byte[32];
            unsigned(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
            return new VapidKeys(BASE64URL.encodeToString(point), BASE64URL.encodeToString(scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    /** A coordinate or scalar as exactly 32 big-endian bytes. */
    private static void unsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }
}
