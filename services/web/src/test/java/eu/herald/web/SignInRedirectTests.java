package eu.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a browser sees before signing in, over real HTTP: every page leads to the authorization server with PKCE, the
 * session cookie is HttpOnly and SameSite, health is public. The whole sign-in runs in the browser tests.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.web.client-secret=test-secret", "herald.web.issuer=http://localhost:9999"})
class SignInRedirectTests {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageLeadsToTheAuthorizationServerWithPkceAndTheChosenLanguage() throws Exception {
        HttpResponse<String> page = get("/console", null);
        assertThat(page.statusCode()).isEqualTo(302);
        String session = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(session).startsWith("HERALD_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> start = get(
                URI.create(page.headers().firstValue("Location").orElseThrow()).getPath() + "?lang=pl",
                session.substring(0, session.indexOf(';')));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        assertThat(authorize.toString()).startsWith("http://localhost:9999/oauth2/authorize?");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("client_id")).isEqualTo("herald-web");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("ui_locales")).isEqualTo("pl");
    }

    @Test
    void healthIsPublic() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
