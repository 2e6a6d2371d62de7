package eu.herald.notifications.webpush;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Aes128GcmTests {

    // RFC 8291 section 5 (and appendix A): every input of the worked example and its result
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String SERVER_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String SERVER_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String BROWSER_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String BROWSER_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
            + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
            + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void producesTheBodyOfTheWorkedExampleOfRfc8291() throws Exception {
        KeyPair server =
                new KeyPair(P256.publicKey(P256.decode(SERVER_PUBLIC)), P256.privateKey(P256.decode(SERVER_PRIVATE)));

        byte[] body = Aes128Gcm.encrypt(
                PLAINTEXT.getBytes(UTF_8),
                P256.decode(BROWSER_PUBLIC),
                P256.decode(AUTH_SECRET),
                server,
                P256.decode(SALT));

        assertThat(P256.encode(body)).isEqualTo(BODY);
    }

    @Test
    void isReadByTheBrowserOfTheWorkedExample() throws Exception {
        byte[] plaintext = PushSubscriber.decrypt(
                P256.decode(BODY),
                PushSubscriber.privateKey(P256.decode(BROWSER_PRIVATE)),
                P256.decode(BROWSER_PUBLIC),
                P256.decode(AUTH_SECRET));

        assertThat(new String(plaintext, UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void usesAFreshKeyAndSaltForEveryMessageThatOnlyTheSubscriberCanRead() throws Exception {
        PushSubscriber browser = PushSubscriber.subscribe(java.net.URI.create("https://push.example/x"), "k");
        byte[] message = "{\"title\":\"Zmiana terminu\"}".getBytes(UTF_8);
        Aes128Gcm encryption = new Aes128Gcm();

        byte[] first = encryption.encrypt(message, P256.decode(browser.p256dh()), browser.authSecret());
        byte[] second = encryption.encrypt(message, P256.decode(browser.p256dh()), browser.authSecret());

        assertThat(browser.decrypt(first)).isEqualTo(message);
        assertThat(browser.decrypt(second)).isEqualTo(message);
        // salt (16 bytes) and the sender's key (after salt, record size and key length) differ each time
        assertThat(Arrays.copyOfRange(first, 0, 16)).isNotEqualTo(Arrays.copyOfRange(second, 0, 16));
        assertThat(Arrays.copyOfRange(first, 21, 86)).isNotEqualTo(Arrays.copyOfRange(second, 21, 86));
        PushSubscriber someoneElse = PushSubscriber.subscribe(java.net.URI.create("https://push.example/y"), "k");
        assertThatThrownBy(() -> someoneElse.decrypt(first)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void keepsTheBodyWithinTheSizeEveryPushServiceAccepts() throws Exception {
        PushSubscriber browser = PushSubscriber.subscribe(java.net.URI.create("https://push.example/x"), "k");
        Aes128Gcm encryption = new Aes128Gcm();

        byte[] largest = encryption.encrypt(
                new byte[Aes128Gcm.MAX_PLAINTEXT], P256.decode(browser.p256dh()), browser.authSecret());

        assertThat(largest).hasSize(4096);
        assertThatThrownBy(() -> encryption.encrypt(
                        new byte[Aes128Gcm.MAX_PLAINTEXT + 1], P256.decode(browser.p256dh()), browser.authSecret()))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("at most 3993 bytes");
    }

    @Test
    void refusesABrowserKeyThatIsNotAPointOfTheCurve() throws Exception {
        byte[] notOnTheCurve = P256.decode(BROWSER_PUBLIC);
        notOnTheCurve[64] ^= 1;

        assertThatThrownBy(() -> new Aes128Gcm().encrypt(new byte[10], notOnTheCurve, P256.decode(AUTH_SECRET)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThat(P256.point((ECPublicKey) P256.publicKey(P256.decode(BROWSER_PUBLIC))))
                .isEqualTo(P256.decode(BROWSER_PUBLIC));
    }
}
