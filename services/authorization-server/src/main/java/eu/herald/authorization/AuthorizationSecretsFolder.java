package eu.herald.authorization;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * The folder the secrets come from: {@code signing-key.pem} (RSA private key, PKCS#8 PEM),
 * {@code client-secrets.properties} (client id = secret) and {@code user-passwords.properties} (user name =
 * password). A missing or broken file stops the start with a message that names it; no secret is ever logged.
 */
final class AuthorizationSecretsFolder {

    static final String SIGNING_KEY = "signing-key.pem";
    static final String CLIENT_SECRETS = "client-secrets.properties";
    static final String USER_PASSWORDS = "user-passwords.properties";

    private final Path folder;

    AuthorizationSecretsFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The signing key with its public half; the key id is its RFC 7638 thumbprint, stable across restarts. */
    RSAKey signingKey() {
        Path file = folder.resolve(SIGNING_KEY);
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII)
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
            var publicKey = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyIDFromThumbprint()
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(missing(file), e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
            throw new IllegalStateException(file + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    Properties clientSecrets() {
        return properties(CLIENT_SECRETS);
    }

    Properties userPasswords() {
        return properties(USER_PASSWORDS);
    }

    /** The value of a key of one of the properties files, which must be there and not blank. */
    String required(Properties values, String file, String key, String what) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("no " + what + " for " + key + " in " + folder.resolve(file));
        }
        return value;
    }

    private Properties properties(String name) {
        Path file = folder.resolve(name);
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(missing(file), new UncheckedIOException(e));
        }
        return secrets;
    }

    private static String missing(Path file) {
        return "cannot read " + file
                + ": the authorization server reads its key, client secrets and user passwords from"
                + " herald.authorization.secrets (./herald-local generates them in .herald/authorization)";
    }
}
