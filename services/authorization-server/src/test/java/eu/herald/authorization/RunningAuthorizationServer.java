package eu.herald.authorization;

import eu.herald.testsupport.AuthorizationSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization server on a random port with generated secrets for the demo clients and users, one
 * application context for all the test classes that extend this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningAuthorizationServer {

    static final String ISSUER = "http://issuer.herald.test";
    static final String WEB = "http://web.herald.test:8123";
    static final AuthorizationSecrets CREDENTIALS = AuthorizationSecrets.createIfMissing(
            temporaryFolder(),
            List.of("herald-operator", "herald-admin", "plock", "lublin", "herald-web"),
            List.of("operator", "admin", "plock", "lublin", "fundao"));

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) {
        registry.add(
                "herald.authorization.secrets", () -> CREDENTIALS.directory().toString());
        registry.add("herald.authorization.issuer", () -> ISSUER);
        registry.add("herald.authorization.web.base-url", () -> WEB);
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("herald-authorization");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
