package eu.herald.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Subscriptions' links that work without login, one-click unsubscribe and the confirmation of an address (ADR 0007):
 * signed with a key generated on the first start and kept in the data folder, since with a new key at every start a
 * link mailed before a restart would answer 404 after it; and leading to the service on whatever port it listens.
 */
final class LocalLinks {

    static final String SECRET_FILE = "link-secret";

    private LocalLinks() {}

    /** The key and base URL of the links for subscriptions; nothing for the other services. */
    static Map<String, String> environmentOf(HeraldService service, Path home) {
        if (!service.name().equals("subscriptions")) {
            return Map.of();
        }
        return Map.of(
                "HERALD_SUBSCRIPTIONS_UNSUBSCRIBE_SECRET",
                PrivateFiles.randomKey(home.resolve(SECRET_FILE)),
                "HERALD_SUBSCRIPTIONS_UNSUBSCRIBE_BASEURL",
                service.url().toString());
    }
}
