package eu.herald.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.testsupport.TestIssuer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared resource-server rules against real RS256 tokens, verified with a JWK set fetched over HTTP from
 * {@link TestIssuer}, through a real servlet container.
 */
@SpringBootTest(
        classes = SecuredApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health,info,metrics,env",
            "herald.security.write-limits.per-client.requests=3",
            "herald.security.write-limits.per-client.per=1h",
            "herald.security.write-limits.per-tenant.requests=4",
            "herald.security.write-limits.per-tenant.per=1h",
            "herald.security.write-limits.clients.importer.requests=10",
            "herald.security.write-limits.clients.importer.per=1h",
            "herald.security.max-request-body=1KB"
        })
class ResourceServerSecurityIntegrationTests {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String THING = "{\"name\": \"a thing\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    SecuredApplication.Things things;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    }

    @Test
    void readsArePublic() throws Exception {
        assertThat(send("GET", "/api/things", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAWriteWithoutATokenAsAProblem() throws Exception {
        HttpResponse<String> response = send("POST", "/api/things", null, THING);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertProblem(response, 401);
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        HttpResponse<String> response =
                send("POST", "/api/things", ISSUER.foreignToken("intruder", SecuredApplication.WRITE), THING);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        assertProblem(response, 401);
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String expired = ISSUER.token("late", Map.of("scope", SecuredApplication.WRITE), Duration.ofMinutes(-5));

        assertThat(send("POST", "/api/things", expired, THING).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesATokenOfAnotherIssuer() throws Exception {
        String otherIssuer = ISSUER.token(
                "elsewhere",
                Map.of("scope", SecuredApplication.WRITE, "iss", "https://login.example.org"),
                Duration.ofHours(1));

        assertThat(send("POST", "/api/things", otherIssuer, THING).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAWriteWithoutTheScopeAsAProblem() throws Exception {
        HttpResponse<String> response = send("POST", "/api/things", ISSUER.token("reader", "things:read"), THING);

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403);
    }

    @Test
    void acceptsTheScopeFromScopeScpOrRoles() throws Exception {
        for (String claim : new String[] {"scope", "scp", "roles"}) {
            String token =
                    ISSUER.token("writer-" + claim, Map.of(claim, SecuredApplication.WRITE), Duration.ofHours(1));

            assertThat(send("POST", "/api/things", token, THING).statusCode())
                    .as(claim)
                    .isEqualTo(200);
        }
    }

    @Test
    void knowsTheCallerAndItsMunicipality() throws Exception {
        UUID plock = UUID.fromString("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b");

        HttpResponse<String> response =
                send("GET", "/api/me", ISSUER.municipalityToken("plock", plock, "subscriptions:write"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode caller = json.readTree(response.body());
        assertThat(caller.get("clientId").asString()).isEqualTo("plock");
        assertThat(caller.get("municipalityId").asString()).isEqualTo(plock.toString());
    }

    @Test
    void exposesHealthAndInfoPubliclyAndTheRestOnlyToOperators() throws Exception {
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/info", null, null).statusCode()).isEqualTo(200);
        for (String endpoint : new String[] {"/actuator/metrics", "/actuator/env"}) {
            assertThat(send("GET", endpoint, null, null).statusCode())
                    .as(endpoint)
                    .isEqualTo(401);
            assertThat(send("GET", endpoint, ISSUER.token("writer", SecuredApplication.WRITE), null)
                            .statusCode())
                    .as(endpoint)
                    .isEqualTo(403);
            assertThat(send("GET", endpoint, ISSUER.token("operator", "catalogue:write"), null)
                            .statusCode())
                    .as(endpoint)
                    .isEqualTo(200);
        }
    }

    @Test
    void limitsTheWritesOfOneClientWithRetryAfter() throws Exception {
        String token = ISSUER.token("busy-client", SecuredApplication.WRITE);
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/things", token, THING).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = send("POST", "/api/things", token, THING);

        assertThat(refused.statusCode()).isEqualTo(429);
        // 3 per hour: the next token comes in 20 minutes
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1190L, 1200L));
        assertProblem(refused, 429);
        assertThat(send("GET", "/api/things", token, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/things", ISSUER.token("calm-client", SecuredApplication.WRITE), THING)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void limitsEachPersonOfAClientThatSignsPeopleInOnTheirOwn() throws Exception {
        String first = ISSUER.token(
                "first-person",
                Map.of("client_id", "portal", "scope", SecuredApplication.WRITE),
                Duration.ofMinutes(5));
        String second = ISSUER.token(
                "second-person",
                Map.of("client_id", "portal", "scope", SecuredApplication.WRITE),
                Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/things", first, THING).statusCode()).isEqualTo(200);
        }

        assertThat(send("POST", "/api/things", first, THING).statusCode()).isEqualTo(429);
        assertThat(send("POST", "/api/things", second, THING).statusCode()).isEqualTo(200);
    }

    @Test
    void givesAClientWithALimitOfItsOwnThatLimit() throws Exception {
        String token = ISSUER.token("importer", SecuredApplication.WRITE);
        for (int i = 0; i < 10; i++) {
            assertThat(send("POST", "/api/things", token, THING).statusCode()).isEqualTo(200);
        }

        assertThat(send("POST", "/api/things", token, THING).statusCode()).isEqualTo(429);
    }

    @Test
    void limitsTheWritesOfAllClientsOfOneMunicipalityTogether() throws Exception {
        UUID tenant = UUID.randomUUID();
        String first = ISSUER.municipalityToken("tenant-first", tenant, SecuredApplication.WRITE);
        String second = ISSUER.municipalityToken("tenant-second", tenant, SecuredApplication.WRITE);
        for (int i = 0; i < 2; i++) {
            assertThat(send("POST", "/api/things", first, THING).statusCode()).isEqualTo(200);
            assertThat(send("POST", "/api/things", second, THING).statusCode()).isEqualTo(200);
        }

        assertThat(send("POST", "/api/things", second, THING).statusCode()).isEqualTo(429);
        assertThat(send(
                                "POST",
                                "/api/things",
                                ISSUER.municipalityToken("tenant-other", UUID.randomUUID(), SecuredApplication.WRITE),
                                THING)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesABodyOverTheLimitAsAProblem() throws Exception {
        String large = "{\"name\": \"" + "x".repeat(2048) + "\"}";

        HttpResponse<String> response =
                send("POST", "/api/things", ISSUER.token("large-writer", SecuredApplication.WRITE), large);

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, 413);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitAsAProblemAndStoresNothing() throws Exception {
        String name = "chunked-" + UUID.randomUUID();
        String large = "{\"name\": \"" + name + "\", \"padding\": \"" + "x".repeat(8192) + "\"}";

        HttpResponse<String> response =
                sendChunked(ISSUER.token("chunked-large-writer", SecuredApplication.WRITE), large);

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, 413);
        assertThat(json.readTree(response.body()).get("detail").asString())
                .isEqualTo("The request body is larger than 1 KB");
        assertThat(things.created).doesNotContain(name);
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() throws Exception {
        String name = "chunked-" + UUID.randomUUID();

        HttpResponse<String> response =
                sendChunked(ISSUER.token("chunked-writer", SecuredApplication.WRITE), "{\"name\": \"" + name + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode created = json.readTree(response.body());
        assertThat(created.get("transferEncoding").asString()).isEqualTo("chunked");
        assertThat(things.created).contains(name);
    }

    @Test
    void leavesAMalformedChunkedBodyWithinTheLimitA400() throws Exception {
        HttpResponse<String> response =
                sendChunked(ISSUER.token("chunked-sloppy-writer", SecuredApplication.WRITE), "{\"name\": ");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesAChunkedFormOverTheLimitAsAProblemBeforeItsHandler() throws Exception {
        String marker = "form-" + UUID.randomUUID();
        String large = "marker=" + marker + "&padding=" + "x".repeat(8192);

        HttpResponse<String> response = sendChunked(
                "/api/forms",
                "application/x-www-form-urlencoded",
                ISSUER.token("chunked-form-writer", SecuredApplication.WRITE),
                large);

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, 413);
        assertThat(things.forms)
                .noneMatch(form -> form.getOrDefault("marker", List.of()).contains(marker));
    }

    @Test
    void readsAChunkedFormWithinTheLimitWithTheQuerysParameters() throws Exception {
        HttpResponse<String> response = sendChunked(
                "/api/forms?source=query&List-Unsubscribe=first",
                "application/x-www-form-urlencoded; charset=UTF-8",
                ISSUER.token("chunked-form-reader", SecuredApplication.WRITE),
                "List-Unsubscribe=One-Click&name=Gmina+P%C5%82ock&empty=&flag");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree("""
                        {"List-Unsubscribe": ["first", "One-Click"], "empty": [""], "flag": [""],
                         "name": ["Gmina Płock"], "source": ["query"]}
                        """));
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("type")).isFalse();
        assertThat(problem.get("title").asString())
                .isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(problem.get("instance").asString()).startsWith("/api/");
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "eyJ");
    }

    /** A POST whose body has no declared length: HTTP/1.1 sends it with {@code Transfer-Encoding: chunked}. */
    private HttpResponse<String> sendChunked(String token, String body) throws IOException, InterruptedException {
        return sendChunked("/api/things", "application/json", token, body);
    }

    private HttpResponse<String> sendChunked(String path, String type, String token, String body)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", type)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
