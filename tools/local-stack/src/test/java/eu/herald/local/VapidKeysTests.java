package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VapidKeysTests {

    @TempDir
    Path home;

    @Test
    void makesAPairOnTheFirstStartAndKeepsItForTheNext() throws Exception {
        VapidKeys first = VapidKeys.keptIn(home);

        assertThat(home.resolve("vapid.properties")).isRegularFile();
        assertThat(PrivateFilesTests.permissions(home.resolve("vapid.properties")))
                .isEqualTo("rw-------");
        assertThat(VapidKeys.keptIn(home)).isEqualTo(first);
        assertThat(VapidKeys.keptIn(home.resolve("elsewhere"))).isNotEqualTo(first);
    }

    @Test
    void makesAPairThatOthersCouldReadPrivate() throws Exception {
        VapidKeys kept = VapidKeys.keptIn(home);
        // as versions that wrote the file with the umask's permissions left it
        Files.setPosixFilePermissions(home.resolve("vapid.properties"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(VapidKeys.keptIn(home)).isEqualTo(kept);
        assertThat(PrivateFilesTests.permissions(home.resolve("vapid.properties")))
                .isEqualTo("rw-------");
    }

    @Test
    void givesSubscriptionsThePublicKeyAndNotificationsThePair() {
        VapidKeys keys = VapidKeys.keptIn(home);

        assertThat(keys.environmentOf("subscriptions"))
                .containsExactly(java.util.Map.entry("HERALD_SUBSCRIPTIONS_WEBPUSH_VAPIDPUBLICKEY", keys.publicKey()));
        assertThat(keys.environmentOf("notifications"))
                .containsEntry("HERALD_NOTIFICATIONS_WEBPUSH_VAPIDPUBLICKEY", keys.publicKey())
                .containsEntry("HERALD_NOTIFICATIONS_WEBPUSH_VAPIDPRIVATEKEY", keys.privateKey())
                .hasSize(2);
        assertThat(keys.environmentOf("catalogue")).isEmpty();
    }

    @Test
    void makesAP256PairThatSignsAndVerifies() throws Exception {
        VapidKeys keys = VapidKeys.generate();
        byte[] point = Base64.getUrlDecoder().decode(keys.publicKey());
        byte[] scalar = Base64.getUrlDecoder().decode(keys.privateKey());
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 4);
        assertThat(scalar).hasSize(32);

        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        KeyFactory factory = KeyFactory.getInstance("EC");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), curve)));
        byte[] message = "herald".getBytes(StandardCharsets.UTF_8);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(factory.generatePublic(new ECPublicKeySpec(
                new ECPoint(
                        new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                        new BigInteger(1, Arrays.copyOfRange(point, 33, 65))),
                curve)));
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }
}
