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
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The secrets of the local authorization server, generated where they are used and never committed: a
 * folder with {@code signing-key.pem} (an RSA private key, PKCS#8), {@code client-secrets.properties}
 * (client id = secret) and {@code user-passwords.properties} (user name = password). The local stack creates them on its first start; tests create them in a temporary
 * folder. Existing files are kept, so tokens stay valid across restarts.
 */
public final class AuthorizationSecrets {

    public static final String SIGNING_KEY = "signing-key.pem";
    public static final String CLIENT_SECRETS = "client-secrets.properties";
    public static final String USER_PASSWORDS = "user-passwords.properties";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> WORDS = List.of(
            "amber", "anchor", "apple", "arrow", "autumn", "badge", "basil", "beacon", "birch", "bridge", "canal",
            "candle", "cedar", "clover", "comet", "copper", "coral", "dawn", "delta", "ember", "falcon", "fern",
            "garnet", "glacier", "harbour", "hazel", "heron", "island", "ivory", "jasmine", "kettle", "lantern",
            "lemon", "linen", "maple", "meadow", "mint", "nectar", "oak", "olive", "orbit", "otter", "pepper", "pebble",
            "pine", "quartz", "quiet", "raven", "river", "saffron", "salt", "silver", "spruce", "stone", "summer",
            "thistle", "tide", "tulip", "valley", "velvet", "willow", "winter", "yarrow", "zephyr");

    private final Path directory;
    private final Properties secrets;
    private final Properties passwords;

    private AuthorizationSecrets(Path directory, Properties secrets, Properties passwords) {
        this.directory = directory;
        this.secrets = secrets;
        this.passwords = passwords;
    }

    /** Reads the folder, first generating a key and a secret for each client that has none. */
    public static AuthorizationSecrets createIfMissing(Path directory, Collection<String> clientIds) {
        return createIfMissing(directory, clientIds, List.of());
    }

    /**
     * Reads the folder, first generating a key, a secret for each client and a password for each user that has
     * none. The passwords are words and digits, easy to type on the login page.
     */
    public static AuthorizationSecrets createIfMissing(
            Path directory, Collection<String> clientIds, Collection<String> users) {
        try {
            Files.createDirectories(directory);
            Path key = directory.resolve(SIGNING_KEY);
            if (!Files.exists(key)) {
                writePrivately(key, signingKeyPem());
            }
            Properties secrets = fillIn(
                    directory.resolve(CLIENT_SECRETS),
                    clientIds,
                    AuthorizationSecrets::randomSecret,
                    "client secrets of the local authorization server; never commit");
            Properties passwords = users.isEmpty() && !Files.exists(directory.resolve(USER_PASSWORDS))
                    ? new Properties()
                    : fillIn(
                            directory.resolve(USER_PASSWORDS),
                            users,
                            AuthorizationSecrets::readablePassword,
                            "passwords of the local authorization server's users; never commit");
            return new AuthorizationSecrets(directory, secrets, passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the authorization secrets in " + directory, e);
        }
    }

    /** The file's entries, with a new value for each key that has none (rewriting the file only then). */
    private static Properties fillIn(Path file, Collection<String> keys, Supplier<String> generate, String comment)
            throws IOException {
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                values.load(reader);
            }
        }
        boolean added = false;
        for (String key : keys) {
            if (!values.containsKey(key)) {
                values.setProperty(key, generate.get());
                added = true;
            }
        }
        if (added) {
            var text = new StringWriter();
            values.store(text, comment);
            writePrivately(file, text.toString());
        }
        return values;
    }

    public Path directory() {
        return directory;
    }

    public String userPassword(String user) {
        String password = passwords.getProperty(user);
        if (password == null) {
            throw new IllegalArgumentException("no password for user " + user);
        }
        return password;
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

    /** Three words and four digits, such as {@code amber-harbour-quiet-4821}: about 31 bits, for a local demo. */
    private static String readablePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            password.append(WORDS.get(RANDOM.nextInt(WORDS.size()))).append('-');
        }
        return password.append(String.format(Locale.ROOT, "%04d", RANDOM.nextInt(10_000)))
                .toString();
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
