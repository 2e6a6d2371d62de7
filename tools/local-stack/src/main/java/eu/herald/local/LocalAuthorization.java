package eu.herald.local;

import eu.herald.testsupport.AuthorizationSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local authorization server: its place in the stack, the secrets it reads (generated into
 * {@code <home>/authorization/} on the first start, never committed), and what the services need to trust
 * its tokens. Everything the stack does for OAuth2 is here, so that the rest of the stack stays unaware of it.
 */
final class LocalAuthorization {

    static final String NAME = "authorization-server";
    /** Where a developer runs it, also when it is left out of the stack to run from an IDE. */
    static final int DEFAULT_PORT = 9000;
    /** The client that signs people in to the web application. */
    static final String WEB_CLIENT = "herald-web";
    /** The demo clients of authorization-server's application.yml. */
    static final List<String> DEMO_CLIENTS = List.of("herald-operator", "herald-admin", "plock", "lublin", WEB_CLIENT);
    /** The demo users of authorization-server's application.yml, with what they are. */
    static final Map<String, String> DEMO_USERS = demoUsers();

    private final LocalStackSettings settings;

    LocalAuthorization(LocalStackSettings settings) {
        this.settings = settings;
    }

    /** The server from its packaged jar. */
    static HeraldService service(Path repository, int port) {
        return HeraldService.fromJar(
                NAME,
                port,
                repository.resolve("services").resolve(NAME).resolve("target").resolve(NAME + ".jar"));
    }

    static boolean isAuthorizationServer(HeraldService service) {
        return NAME.equals(service.name());
    }

    /**
     * Creates the signing key, the demo clients' secrets and the demo users' passwords unless they exist; makes
     * existing ones private.
     */
    AuthorizationSecrets prepareSecrets() {
        AuthorizationSecrets secrets =
                AuthorizationSecrets.createIfMissing(secretsFolder(), DEMO_CLIENTS, DEMO_USERS.keySet());
        try {
            PrivateFiles.tighten(secretsFolder().resolve(AuthorizationSecrets.SIGNING_KEY));
            PrivateFiles.tighten(secretsFolder().resolve(AuthorizationSecrets.CLIENT_SECRETS));
            PrivateFiles.tighten(secretsFolder().resolve(AuthorizationSecrets.USER_PASSWORDS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the secrets in " + secretsFolder() + " private", e);
        }
        return secrets;
    }

    Path secretsFolder() {
        return settings.home().resolve("authorization");
    }

    /** {@code http://localhost:<port>}: the tokens' issuer, checked by every service. */
    String issuer() {
        int port = settings.services().stream()
                .filter(LocalAuthorization::isAuthorizationServer)
                .mapToInt(HeraldService::port)
                .findFirst()
                .orElse(DEFAULT_PORT);
        return "http://localhost:" + port;
    }

    Map<String, String> serverEnvironment(HeraldService server) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(server.port()));
        environment.put("HERALD_AUTHORIZATION_ISSUER", issuer());
        environment.put("HERALD_AUTHORIZATION_SECRETS", secretsFolder().toString());
        environment.put("HERALD_AUTHORIZATION_WEB_BASEURL", LocalWeb.baseUrl(settings));
        return environment;
    }

    /** The standard Spring Boot resource-server variables: which issuer to trust and where its keys are. */
    Map<String, String> resourceServerEnvironment() {
        return Map.of(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                issuer(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                issuer() + "/oauth2/jwks");
    }

    /** What the web application needs to sign people in here. */
    Map<String, String> webEnvironment(HeraldService web) {
        return LocalWeb.environment(settings, web, issuer(), prepareSecrets().clientSecret(WEB_CLIENT));
    }

    /** A shell command that prints an access token of a demo client, reading its secret where it was generated. */
    String tokenCommand(String client, Path workingDirectory) {
        Path secrets = workingDirectory.relativize(secretsFolder().resolve(AuthorizationSecrets.CLIENT_SECRETS));
        return "curl -s -u " + client + ":$(sed -n 's/^" + client + "=//p' " + secrets + ") -d"
                + " grant_type=client_credentials " + issuer() + "/oauth2/token";
    }

    private static Map<String, String> demoUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("operator", "operator: events, sessions and deliveries");
        users.put("admin", "admin: every municipality");
        users.put("plock", "clerk of Płock");
        users.put("lublin", "clerk of Lublin");
        users.put("fundao", "clerk of Fundão");
        return Collections.unmodifiableMap(users);
    }
}
