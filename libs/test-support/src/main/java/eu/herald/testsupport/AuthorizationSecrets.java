package eu.herald.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Properties;

/**
 * The secrets of the local authorization server, generated where they are used and never committed: a
 * folder with {@code signing-key.pem} (an RSA private key, PKCS#8) and {@code client-secrets.properties}
 * (client id = secret). The local stack creates them on its first start; tests create them in a temporary
 * folder. Existing files are kept, so tokens stay valid across restarts.
 */
public final class AuthorizationSecrets {

    public static final String SIGNING_KEY = "signing-key.pem";
    public static final String CLIENT_SECRETS = "client-secrets.properties";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Properties secrets;

    private AuthorizationSecrets(Path directory, Properties secrets) {
        this.directory = directory;
        this.secrets = secrets;
    }

    /** Reads the folder, first generating a key and a secret for each client that has none. */
    public static AuthorizationSecrets createIfMissing(Path directory, Collection<String> clientIds) {
        try {
            Files.createDirectories(directory);
            Path key = directory.resolve(SIGNING_KEY);
            if (!Files.exists(key)) {
                writePrivately(key, signingKeyPem());
            }
            Path file = directory.resolve(CLIENT_SECRETS);
            Properties secrets = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    secrets.load(reader);
                }
            }
            boolean added = false;
            for (String client : clientIds) {
                if (!secrets.containsKey(client)) {
                    secrets.setProperty(client, randomSecret());
                    added = true;
                }
            }
            if (added) {
                var text = new StringWriter();
                secrets.store(text, "client_credentials secrets of the local authorization server; never commit");
                writePrivately(file, text.toString());
            }
            return new AuthorizationSecrets(directory, secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the authorization secrets in " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    public String clientSecret(String clientId) {
        String secret = secrets.getProperty(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("no secret for client " + clientId);
        }
        return secret;
    }

    private static String signingKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Readable by the owner only, where the file system knows POSIX permissions. */
    private static void writePrivately(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.ISO_8859_1)) {
            writer.write(content);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
