package eu.herald.subscriptions.webpush;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The key a browser subscribes with, and the registration the portal relays from its subscription (the portal's
 * push.js posts {@code pushSubscription.toJSON()}; the web application wraps it as below).
 */
class WebPushRegistrationIntegrationTests extends IntegrationTest {

    @Test
    void givesBrowsersTheVapidPublicKeyToSubscribeWith() throws Exception {
        mvc.perform(get("/api/web-push/config"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.vapidPublicKey").value(VAPID_PUBLIC_KEY));
    }

    @Test
    void acceptsTheRegistrationOfABrowsersPushSubscription() throws Exception {
        UUID municipality = registerMunicipality(unique("Gmina Push"));
        // what pushSubscription.toJSON() gives, wrapped as the web application's WebPushRelay does
        String json = """
                {"channel": "WEB_PUSH",
                 "subscription": {"endpoint": "https://updates.push.services.mozilla.com/wpush/v2/%s",
                                  "expirationTime": null,
                                  "keys": {"p256dh": "%s", "auth": "%s"}}}
                """.formatted(UUID.randomUUID(), browserKey(), authSecret());

        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("WEB_PUSH"))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    /** A browser's {@code p256dh}: a fresh P-256 public key as an uncompressed point. */
    private static String browserKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX().toByteArray(), point, 1);
        copy(key.getW().getAffineY().toByteArray(), point, 33);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(point);
    }

    private static void copy(byte[] coordinate, byte[] point, int offset) {
        byte[] last32 = Arrays.copyOfRange(coordinate, Math.max(0, coordinate.length - 32), coordinate.length);
        System.arraycopy(last32, 0, point, offset + 32 - last32.length, last32.length);
    }

    private static String authSecret() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
