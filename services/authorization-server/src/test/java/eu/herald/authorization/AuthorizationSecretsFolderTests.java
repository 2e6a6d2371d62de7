package eu.herald.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import eu.herald.testsupport.AuthorizationSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationSecretsFolderTests {

    @Test
    void readsTheGeneratedKeyWithAStableKeyIdAndTheSecrets(@TempDir Path folder) {
        AuthorizationSecrets generated = AuthorizationSecrets.createIfMissing(folder, List.of("herald-operator"));
        var secrets = new AuthorizationSecretsFolder(folder);

        RSAKey key = secrets.signingKey();

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo(secrets.signingKey().getKeyID());
        assertThat(secrets.clientSecrets().getProperty("herald-operator"))
                .isEqualTo(generated.clientSecret("herald-operator"));
    }

    /** As Compose hands them over from .env: the key as one line of base64 (DER), the secrets without a last newline. */
    @Test
    void readsAKeyWithoutPemArmourAndSecretsFromOneValue(@TempDir Path generated, @TempDir Path compose)
            throws Exception {
        AuthorizationSecrets.createIfMissing(generated, List.of("herald-operator"));
        String base64 = Files.readString(generated.resolve("signing-key.pem")).replaceAll("-----[A-Z ]+-----|\\s", "");
        Files.writeString(compose.resolve("signing-key.pem"), base64);
        Files.writeString(compose.resolve("client-secrets.properties"), "herald-operator=first\nplock=second");

        var secrets = new AuthorizationSecretsFolder(compose);

        assertThat(secrets.signingKey().getKeyID())
                .isEqualTo(
                        new AuthorizationSecretsFolder(generated).signingKey().getKeyID());
        assertThat(secrets.clientSecrets())
                .containsEntry("herald-operator", "first")
                .containsEntry("plock", "second");
    }

    @Test
    void keepsWhatExistsWhenGeneratingAgain(@TempDir Path folder) {
        String secret =
                AuthorizationSecrets.createIfMissing(folder, List.of("plock")).clientSecret("plock");
        String keyId = new AuthorizationSecretsFolder(folder).signingKey().getKeyID();

        AuthorizationSecrets again = AuthorizationSecrets.createIfMissing(folder, List.of("plock", "lublin"));

        assertThat(again.clientSecret("plock")).isEqualTo(secret);
        assertThat(again.clientSecret("lublin")).isNotEqualTo(secret);
        assertThat(new AuthorizationSecretsFolder(folder).signingKey().getKeyID())
                .isEqualTo(keyId);
    }

    @Test
    void namesTheMissingFileAndWhereItComesFrom(@TempDir Path folder) {
        assertThatThrownBy(() -> new AuthorizationSecretsFolder(folder).signingKey())
                .hasMessageContaining(folder.resolve("signing-key.pem").toString())
                .hasMessageContaining("herald.authorization.secrets");
        assertThatThrownBy(() -> new AuthorizationSecretsFolder(folder).clientSecrets())
                .hasMessageContaining("client-secrets.properties");
        assertThatThrownBy(() -> new AuthorizationSecretsFolder(folder).userPasswords())
                .hasMessageContaining(
                        folder.resolve("user-passwords.properties").toString());
    }

    @Test
    void generatesReadablePasswordsForTheUsersAndKeepsThem(@TempDir Path folder) {
        String password = AuthorizationSecrets.createIfMissing(folder, List.of("herald-web"), List.of("plock"))
                .userPassword("plock");

        AuthorizationSecrets again =
                AuthorizationSecrets.createIfMissing(folder, List.of("herald-web"), List.of("plock", "fundao"));

        assertThat(password).matches("[a-z]+-[a-z]+-[a-z]+-[0-9]{4}");
        assertThat(again.userPassword("plock")).isEqualTo(password);
        var passwords = new AuthorizationSecretsFolder(folder).userPasswords();
        assertThat(passwords).containsEntry("plock", password).containsKey("fundao");
        assertThatThrownBy(() -> new AuthorizationSecretsFolder(folder)
                        .required(passwords, "user-passwords.properties", "lublin", "password"))
                .hasMessageContaining("no password for lublin in")
                .hasMessageContaining("user-passwords.properties");
    }

    @Test
    void refusesAFileThatIsNoKeyWithoutShowingIt(@TempDir Path folder) throws Exception {
        Files.writeString(
                folder.resolve("signing-key.pem"),
                "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> new AuthorizationSecretsFolder(folder).signingKey())
                .hasMessageContaining("is not an RSA private key")
                .hasMessageNotContaining("bm90IGEga2V5");
    }
}
