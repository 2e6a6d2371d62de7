package eu.herald.local;

import java.nio.file.Path;
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
        return PrivateFiles.randomKey(home.resolve(MASTER_KEY_FILE));
    }
}
