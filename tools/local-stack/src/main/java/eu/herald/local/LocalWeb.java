package eu.herald.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The web application in the stack: where it listens, and what it needs, which is the authorization server to sign
 * people in and the three services' URLs to relay their calls to; no database, no Kafka. It starts once the
 * others are ready, since it reads the authorization server's metadata when it starts.
 */
final class LocalWeb {

    static final String NAME = "web";
    /** Where a developer runs it, also when it is left out of the stack to run from an IDE. */
    static final int DEFAULT_PORT = 8080;

    private LocalWeb() {}

    /** The application from its packaged jar. */
    static HeraldService service(Path repository, int port) {
        return HeraldService.fromJar(NAME, port, HeraldService.packagedJar(repository, NAME));
    }

    static boolean isWeb(HeraldService service) {
        return NAME.equals(service.name());
    }

    /** It answers its health publicly but has no readiness group of its own. */
    static String readinessPath(HeraldService service) {
        return isWeb(service) ? "/actuator/health" : "/actuator/health/readiness";
    }

    /** {@code http://localhost:<port>}: where people sign in, and where the authorization server sends them back. */
    static String baseUrl(LocalStackSettings settings) {
        return "http://localhost:" + portOf(settings, NAME, DEFAULT_PORT);
    }

    static Map<String, String> environment(
            LocalStackSettings settings, HeraldService web, String issuer, String clientSecret) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(web.port()));
        environment.put("HERALD_WEB_ISSUER", issuer);
        environment.put("HERALD_WEB_CLIENT_ID", LocalAuthorization.WEB_CLIENT);
        environment.put("HERALD_WEB_CLIENT_SECRET", clientSecret);
        for (int i = 0; i < LocalStackSettings.SERVICE_NAMES.size(); i++) {
            String name = LocalStackSettings.SERVICE_NAMES.get(i);
            environment.put(
                    "HERALD_WEB_" + name.toUpperCase(Locale.ROOT) + "_URL",
                    "http://localhost:" + portOf(settings, name, LocalStackSettings.FIRST_SERVICE_PORT + i));
        }
        environment.putAll(web.environment());
        return environment;
    }

    /** The port of a service of the stack, or where a developer runs it when it is left out. */
    private static int portOf(LocalStackSettings settings, String name, int otherwise) {
        return settings.services().stream()
                .filter(service -> service.name().equals(name))
                .mapToInt(HeraldService::port)
                .findFirst()
                .orElse(otherwise);
    }
}
