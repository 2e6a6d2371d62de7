package eu.herald.notifications.webpush;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/** A VAPID key pair as the configuration holds it (base64url point and scalar), made for the test run. */
public record TestVapidKeys(String publicKey, String privateKey) {

    private static final TestVapidKeys SHARED = generate();

    /** The pair of the test JVM's cached Spring context. */
    public static TestVapidKeys shared() {
        return SHARED;
    }

    public static TestVapidKeys generate() {
        try {
            KeyPair pair = P256.newKeyPair();
            return new TestVapidKeys(
                    P256.encode(P256.point((ECPublicKey) pair.getPublic())),
                    P256.encode(P256.scalar((ECPrivateKey) pair.getPrivate())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
