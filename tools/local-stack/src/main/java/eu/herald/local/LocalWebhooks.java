package eu.herald.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook settings of a local run. Subscriptions and notifications must derive the same webhook secrets, so
 * both get one master key, generated on the first start and kept in the data folder (so secrets shown to a
 * municipality keep working across restarts). Receivers on this machine are the point of local development, so
 * plain http and the loopback addresses are allowed here, and only here.
 */
final class LocalWebhooks {

    static final String MASTER_KEY_FILE = "webhook-master-key";

    private LocalWebhooks() {}

    static Map<String, String> environment(Path home) {
        String key = masterKey(home);
        Map<String, String> environment = new LinkedHashMap<>();
        for (String service : new String[] {"SUBSCRIPTIONS", "NOTIFICATIONS"}) {
            String prefix = "HERALD_" + service + "_WEBHOOKS_";
            environment.put(prefix + "MASTER_KEY", key);
            environment.put(prefix + "ALLOW_HTTP", "true");
            environment.put(prefix + "ALLOWED_ADDRESSES", "127.0.0.0/8,::1/128");
        }
        return environment;
    }

    /** The key in {@code <home>/webhook-master-key}, created with 32 random bytes when it is not there yet. */
    static String masterKey(Path home) {
        Path file = home.resolve(MASTER_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(home);
                Files.writeString(file, Base64.getEncoder().encodeToString(random), UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data folder's own permissions apply
                }
            }
            return Files.readString(file, UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the webhook master key in " + file, e);
        }
    }
}
