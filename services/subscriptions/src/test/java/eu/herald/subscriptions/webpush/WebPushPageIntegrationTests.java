package eu.herald.subscriptions.webpush;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
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

/** The page and service worker that subscribe a browser, the key they subscribe with, and what they post. */
class WebPushPageIntegrationTests extends IntegrationTest {

    @Test
    void givesBrowsersTheVapidPublicKeyToSubscribeWith() throws Exception {
        mvc.perform(get("/api/web-push/config"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.vapidPublicKey").value(VAPID_PUBLIC_KEY));
    }

    @Test
    void servesThePageAndItsScriptsWithTheirContentTypes() throws Exception {
        mvc.perform(get("/push/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<script src=\"app.js\">")));
        for (String script : new String[] {"/push/app.js", "/push/sw.js"}) {
            mvc.perform(get(script))
                    .andExpect(status().isOk())
                    .andExpect(result -> assertThat(result.getResponse().getContentType())
                            .matches("(text|application)/javascript.*"));
        }
        mvc.perform(get("/push/")).andExpect(forwardedUrl("/push/index.html"));
    }

    @Test
    void acceptsTheRegistrationThePageBuildsFromAPushSubscription() throws Exception {
        String script = new String(
                mvc.perform(get("/push/app.js")).andReturn().getResponse().getContentAsByteArray(), UTF_8);
        // the body app.js posts, property for property: registrationBody(subscription.toJSON())
        assertThat(script)
                .contains("channel: 'WEB_PUSH',")
                .contains("endpoint: subscription.endpoint,")
                .contains("expirationTime: subscription.expirationTime ?? null,")
                .contains("keys: { p256dh: subscription.keys.p256dh, auth: subscription.keys.auth },")
                .contains("`/api/municipalities/${encodeURIComponent(municipalityId)}/endpoints`");
        UUID municipality = registerMunicipality(unique("Gmina Push"));
        // what pushSubscription.toJSON() gives, wrapped as registrationBody() does
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
