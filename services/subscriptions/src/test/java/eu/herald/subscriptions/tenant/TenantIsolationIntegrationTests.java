package eu.herald.subscriptions.tenant;

import static eu.herald.testsupport.ChunkedRequestBuilder.chunked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.LocalReceivers;
import eu.herald.subscriptions.Tokens;
import eu.herald.testsupport.WebhookReceiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The tenant-isolation matrix: every endpoint of a municipality, called with another tenant's token (404
 * exactly as for an id that does not exist, nothing read or changed), with another tenant's endpoint and
 * subscription ids under the caller's own path (404), without a token (401), with a token of another scope
 * that even names the municipality (403), and by the municipality itself and the admin (served). Every
 * handler of the service is either public, the admin's onboarding, the operators' audience count, or in this matrix.
 */
@LocalReceivers
class TenantIsolationIntegrationTests extends IntegrationTest {

    /** An event nobody else follows: the fan-out tests count who follows the seeded one. */
    private static final String EVENT = "7c1e0d2a-5b3f-4e8a-9d6c-2f4b8a1e3c57";

    /** One endpoint of a municipality: path with {m}, {email}, {hook}, {subscription}; what its owner gets. */
    record Call(HttpMethod method, String path, @Nullable String body, int served) {

        boolean namesAnEndpointOrSubscription() {
            return path.contains("{email}") || path.contains("{hook}") || path.contains("{subscription}");
        }

        /** "METHOD /pattern" as Spring's handler mapping spells it. */
        String mapping() {
            return method + " "
                    + path.replace("{m}", "{municipalityId}")
                            .replace("{email}", "{endpointId}")
                            .replace("{hook}", "{endpointId}")
                            .replace("{subscription}", "{subscriptionId}");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Call> MATRIX = List.of(
            new Call(HttpMethod.GET, "/api/municipalities/{m}", null, 200),
            new Call(HttpMethod.DELETE, "/api/municipalities/{m}", null, 204),
            new Call(HttpMethod.GET, "/api/municipalities/{m}/preferences", null, 200),
            new Call(
                    HttpMethod.PUT,
                    "/api/municipalities/{m}/preferences",
                    "{\"deliveryMode\": \"DAILY_DIGEST\", \"quietHours\": {\"from\": \"21:00\", \"to\": \"06:00\"}}",
                    200),
            new Call(
                    HttpMethod.POST,
                    "/api/municipalities/{m}/endpoints",
                    "{\"channel\": \"EMAIL\", \"address\": \"nowy@matrix.example\"}",
                    201),
            new Call(HttpMethod.GET, "/api/municipalities/{m}/endpoints", null, 200),
            new Call(HttpMethod.GET, "/api/municipalities/{m}/endpoints/{email}", null, 200),
            new Call(HttpMethod.DELETE, "/api/municipalities/{m}/endpoints/{email}", null, 204),
            new Call(HttpMethod.POST, "/api/municipalities/{m}/endpoints/{hook}/secret", null, 200),
            new Call(HttpMethod.POST, "/api/municipalities/{m}/endpoints/{email}/verification", null, 202),
            new Call(HttpMethod.POST, "/api/municipalities/{m}/endpoints/{hook}/ping", null, 200),
            new Call(HttpMethod.GET, "/api/municipalities/{m}/endpoints/{hook}/deliveries", null, 200),
            new Call(HttpMethod.GET, "/api/municipalities/{m}/deliveries", null, 200),
            new Call(
                    HttpMethod.POST,
                    "/api/municipalities/{m}/subscriptions",
                    "{\"selector\": {\"type\": \"EVENT\", \"value\": \"" + EVENT + "\"}}",
                    201),
            new Call(HttpMethod.GET, "/api/municipalities/{m}/subscriptions", null, 200),
            new Call(HttpMethod.GET, "/api/municipalities/{m}/subscriptions/{subscription}", null, 200),
            new Call(
                    HttpMethod.PUT,
                    "/api/municipalities/{m}/subscriptions/{subscription}",
                    "{\"changeKinds\": [\"CANCELLED\"]}",
                    200),
            new Call(
                    HttpMethod.PUT,
                    "/api/municipalities/{m}/subscriptions/{subscription}/reminders",
                    "{\"reminders\": [\"PT24H\", \"PT1H\"]}",
                    200),
            new Call(HttpMethod.DELETE, "/api/municipalities/{m}/subscriptions/{subscription}", null, 204));

    /** Reached with no token: signed links, the web push key, the API description, health. */
    static final Set<String> PUBLIC = Set.of(
            "GET /unsubscribe/{token}",
            "POST /unsubscribe/{token}",
            "GET /endpoints/verify/{token}",
            "POST /endpoints/verify/{token}",
            "GET /api/web-push/config");

    /** The admin's alone. */
    static final Set<String> ADMIN = Set.of("POST /api/municipalities", "GET /api/municipalities");

    /** The operators' alone ({@code subscriptions:audience}, tested with the audience itself). */
    static final Set<String> OPERATORS = Set.of("POST /api/audience");

    /** Spring's and springdoc's own handlers, public through the shared rules of security-support. */
    static final Set<String> FRAMEWORK =
            Set.of("/error", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html");

    static Stream<Call> matrix() {
        return MATRIX.stream();
    }

    static Stream<Call> namingEndpointsOrSubscriptions() {
        return MATRIX.stream().filter(Call::namesAnEndpointOrSubscription);
    }

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A municipality with a pending email endpoint, a webhook, a subscription and a delivery in its history. */
    record Tenant(UUID municipality, UUID email, UUID hook, UUID subscription) {

        String path(String template) {
            return template.replace("{m}", municipality.toString())
                    .replace("{email}", email.toString())
                    .replace("{hook}", hook.toString())
                    .replace("{subscription}", subscription.toString());
        }
    }

    private Tenant tenant(String name) throws Exception {
        UUID municipality = registerMunicipality(name);
        UUID email = registerPendingEmail(municipality, unique("urzad") + "@matrix.example");
        UUID hook = id(postJson(
                "/api/municipalities/" + municipality + "/endpoints",
                Map.of(
                        "channel",
                        "WEBHOOK",
                        "url",
                        receiver.url("/" + municipality).toString())));
        UUID subscription = subscribe(municipality, "THEME", unique("matrix-theme"));
        delivered(municipality, hook, Instant.now());
        return new Tenant(municipality, email, hook, subscription);
    }

    /** Everything stored about the municipality, row by row. */
    private List<String> stored(UUID municipality) {
        List<String> rows = new ArrayList<>(jdbc.sql("select row_to_json(m)::text from municipality m where id = ?")
                .params(municipality)
                .query(String.class)
                .list());
        for (String table : List.of("endpoint", "subscription", "delivery", "erasure_outbox")) {
            rows.addAll(
                    jdbc.sql("select row_to_json(t)::text from " + table + " t where municipality_id = ? order by 1")
                            .params(municipality)
                            .query(String.class)
                            .list());
        }
        return rows;
    }

    private MockHttpServletResponse call(Call call, String path, @Nullable String authorization) throws Exception {
        MockHttpServletRequestBuilder request = request(call.method(), path);
        if (call.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(call.body().replace("nowy@", unique("nowy") + "@"));
        }
        if (authorization == null) {
            request.requestAttr(Tokens.WITHOUT_TOKEN, true);
        } else {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void answersAnotherTenantsMunicipalityExactlyLikeOneThatDoesNotExist(Call call) throws Exception {
        Tenant plock = tenant("Miasto Płock Macierz");
        Tenant lublin = tenant("Miasto Lublin Macierz");
        List<String> before = stored(plock.municipality());
        UUID unknown = UUID.randomUUID();

        MockHttpServletResponse intruding = call(call, plock.path(call.path()), Tokens.tenant(lublin.municipality()));
        MockHttpServletResponse missing = call(
                call,
                plock.path(call.path()).replace(plock.municipality().toString(), unknown.toString()),
                Tokens.tenant(lublin.municipality()));

        assertThat(intruding.getStatus()).isEqualTo(404);
        assertThat(intruding.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(intruding.getContentAsString().replace(plock.municipality().toString(), "{id}"))
                .isEqualTo(missing.getContentAsString().replace(unknown.toString(), "{id}"));
        // the answer names only what the caller sent (the path), nothing stored about the municipality
        assertThat(intruding.getContentAsString()).doesNotContain("Płock", "@matrix.example", "whsec_");
        assertThat(stored(plock.municipality())).isEqualTo(before);
        assertThat(receiver.received("/" + plock.municipality())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namingEndpointsOrSubscriptions")
    void answersAnotherTenantsEndpointsAndSubscriptionsUnderTheOwnPathWithNotFound(Call call) throws Exception {
        Tenant plock = tenant("Miasto Płock Cudze Id");
        Tenant lublin = tenant("Miasto Lublin Cudze Id");
        List<String> before = stored(plock.municipality());
        String path = plock.path(call.path())
                .replace(plock.municipality().toString(), lublin.municipality().toString());

        MockHttpServletResponse response = call(call, path, Tokens.tenant(lublin.municipality()));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(stored(plock.municipality())).isEqualTo(before);
        assertThat(receiver.received("/" + plock.municipality())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void refusesACallWithoutATokenAndChangesNothing(Call call) throws Exception {
        Tenant plock = tenant("Miasto Bez Tokenu");
        List<String> before = stored(plock.municipality());

        MockHttpServletResponse response = call(call, plock.path(call.path()), null);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(stored(plock.municipality())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void refusesATokenOfAnotherScopeEvenWhenItNamesTheMunicipality(Call call) throws Exception {
        Tenant plock = tenant("Miasto Zły Zakres");
        List<String> before = stored(plock.municipality());
        // an operator's scopes, and the municipality's claim: the scope decides
        String operator = "Bearer "
                + Tokens.ISSUER.municipalityToken(
                        unique("operator"), plock.municipality(), "catalogue:write notifications:operate");

        MockHttpServletResponse response = call(call, plock.path(call.path()), operator);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("insufficient_scope");
        assertThat(stored(plock.municipality())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void servesTheMunicipalityItself(Call call) throws Exception {
        Tenant plock = tenant("Miasto Własne");

        MockHttpServletResponse response = call(call, plock.path(call.path()), Tokens.tenant(plock.municipality()));

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(call.served());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void servesTheAdminForAnyMunicipality(Call call) throws Exception {
        Tenant plock = tenant("Miasto Admina");

        MockHttpServletResponse response = call(call, plock.path(call.path()), Tokens.admin());

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(call.served());
    }

    @Test
    void letsOnlyTheAdminOnboardAMunicipality() throws Exception {
        long before =
                jdbc.sql("select count(*) from municipality").query(Long.class).single();
        Call onboard = new Call(
                HttpMethod.POST,
                "/api/municipalities",
                "{\"name\": \"Miasto Nowe\", \"country\": \"PL\", \"language\": \"pl\", \"timeZone\": \"Europe/Warsaw\"}",
                201);
        UUID plock = registerMunicipality("Miasto Onboarding");

        assertThat(call(onboard, onboard.path(), null).getStatus()).isEqualTo(401);
        assertThat(call(onboard, onboard.path(), Tokens.tenant(plock)).getStatus())
                .isEqualTo(403);
        assertThat(call(onboard, onboard.path(), "Bearer " + Tokens.ISSUER.token(unique("op"), "catalogue:write"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from municipality")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
        assertThat(call(onboard, onboard.path(), Tokens.admin()).getStatus()).isEqualTo(201);
    }

    @Test
    void listsEveryMunicipalityToTheAdminAlone() throws Exception {
        String name = unique("Miasto Na Liście");
        UUID listed = registerMunicipality(name);
        Call list = new Call(HttpMethod.GET, "/api/municipalities", null, 200);

        assertThat(call(list, list.path(), null).getStatus()).isEqualTo(401);
        assertThat(call(list, list.path(), Tokens.tenant(listed)).getStatus()).isEqualTo(403);
        MockHttpServletResponse all = call(list, list.path(), Tokens.admin());
        assertThat(all.getStatus()).isEqualTo(200);
        assertThat(all.getContentAsString()).contains("\"id\":\"" + listed + "\"", name);
    }

    @Test
    void refusesAMunicipalityTokenWithoutAValidMunicipalityClaimEverything() throws Exception {
        Tenant plock = tenant("Miasto Bez Roszczenia");
        String noClaim = "Bearer " + Tokens.ISSUER.token(unique("anonymous-municipality"), "subscriptions:write");
        String malformed = "Bearer "
                + Tokens.ISSUER.token(
                        unique("broken-municipality"),
                        Map.of("scope", "subscriptions:write", "municipality_id", "Płock"),
                        java.time.Duration.ofMinutes(5));

        for (String token : List.of(noClaim, malformed)) {
            assertThat(call(MATRIX.get(0), plock.path(MATRIX.get(0).path()), token)
                            .getStatus())
                    .isEqualTo(404);
        }
    }

    @Test
    void placesEveryHandlerOfTheServiceInThePublicListTheOnboardingOrTheMatrix() {
        Set<String> covered = new TreeSet<>(PUBLIC);
        covered.addAll(ADMIN);
        covered.addAll(OPERATORS);
        MATRIX.forEach(call -> covered.add(call.mapping()));
        Set<String> handled = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (FRAMEWORK.contains(pattern)) {
                    continue;
                }
                assertThat(info.getMethodsCondition().getMethods())
                        .as("a handler for every method on " + pattern)
                        .isNotEmpty();
                info.getMethodsCondition().getMethods().forEach(method -> handled.add(method + " " + pattern));
            }
        });

        assertThat(handled).isEqualTo(covered);
        assertThat(handled.stream().filter(mapping -> mapping.contains("/api/municipalities/")))
                .as("the tenant guard reads the municipality from {municipalityId}")
                .allMatch(mapping -> mapping.contains("/api/municipalities/{municipalityId}"));
    }

    @Test
    void servesThePublicPathsWithoutAToken() throws Exception {
        for (String path : List.of("/api/web-push/config", "/v3/api-docs", "/actuator/health", "/actuator/info")) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                    .as(path)
                    .isEqualTo(200);
        }
        // a link with a bad signature is simply unknown, not a request for a token
        assertThat(mvc.perform(get("/unsubscribe/forged"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(request(HttpMethod.POST, "/endpoints/verify/forged"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void describesTheBearerTokenOfTheMunicipalitiesApiInTheApiDescription() throws Exception {
        JsonNode api = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());

        assertThat(api.at("/components/securitySchemes/bearer/scheme").stringValue())
                .isEqualTo("bearer");
        assertThat(api.at("/paths/~1api~1municipalities~1{municipalityId}/get/security/0/bearer")
                        .isArray())
                .isTrue();
        assertThat(api.at("/paths/~1api~1municipalities/post/security/0/bearer").isArray())
                .isTrue();
        assertThat(api.at("/paths/~1api~1web-push~1config/get/security").isMissingNode())
                .isTrue();
    }

    @Test
    void exposesNoActuatorEndpointBeyondHealthAndInfo() throws Exception {
        String operator = "Bearer " + Tokens.ISSUER.token(unique("operator"), "notifications:operate");
        for (String endpoint :
                List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump")) {
            assertThat(mvc.perform(get(endpoint)).andReturn().getResponse().getStatus())
                    .as(endpoint + " without a token")
                    .isEqualTo(401);
            assertThat(mvc.perform(get(endpoint).header(HttpHeaders.AUTHORIZATION, Tokens.admin()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(endpoint + " for the subscriptions admin")
                    .isEqualTo(403);
            assertThat(mvc.perform(get(endpoint).header(HttpHeaders.AUTHORIZATION, operator))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    // not exposed, so not an actuator endpoint at all: the rule for paths nobody placed refuses it
                    .as(endpoint + " for an operator: not exposed")
                    .isEqualTo(403);
        }
    }

    @Test
    void takesIdsStatusAndTenantFromThePathAndTokenNeverFromTheBody() throws Exception {
        Tenant plock = tenant("Miasto Masowe");
        Tenant lublin = tenant("Miasto Cudze Masowe");
        UUID chosen = UUID.randomUUID();
        String m = "/api/municipalities/" + plock.municipality();

        JsonNode municipality = postJson(
                "/api/municipalities",
                Map.of(
                        "id", chosen,
                        "status", "SUSPENDED",
                        "createdAt", "2000-01-01T00:00:00Z",
                        "name", "Miasto Podstawione",
                        "country", "PL",
                        "language", "pl",
                        "timeZone", "Europe/Warsaw"));
        JsonNode hook = postJson(
                m + "/endpoints",
                Map.of(
                        "id",
                        chosen,
                        "municipalityId",
                        lublin.municipality(),
                        "status",
                        "DISABLED",
                        "secretVersion",
                        7,
                        "channel",
                        "WEBHOOK",
                        "url",
                        receiver.url("/mass").toString()));
        JsonNode subscription = postJson(
                m + "/subscriptions",
                Map.of(
                        "id", chosen,
                        "municipalityId", lublin.municipality(),
                        "status", "PAUSED",
                        "mutedEndpointIds", List.of(plock.hook()),
                        "selector", Map.of("type", "SESSION", "value", UUID.randomUUID())));

        assertThat(id(municipality)).isNotEqualTo(chosen);
        assertThat(municipality.get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(id(hook)).isNotEqualTo(chosen);
        assertThat(hook.get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(hook.get("secretVersion").asInt()).isEqualTo(1);
        assertThat(id(subscription)).isNotEqualTo(chosen);
        assertThat(subscription.get("mutedEndpointIds")).isEmpty();
        assertThat(jdbc.sql("select municipality_id from endpoint where id = ?")
                        .params(id(hook))
                        .query(UUID.class)
                        .single())
                .isEqualTo(plock.municipality());
        assertThat(jdbc.sql("select municipality_id::text || status from subscription where id = ?")
                        .params(id(subscription))
                        .query(String.class)
                        .single())
                .isEqualTo(plock.municipality() + "ACTIVE");
        assertThat(jdbc.sql("select count(*) from municipality where id = ?")
                        .params(chosen)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void limitsTheWritesOfAClientWithTooManyRequestsAndRetryAfter() throws Exception {
        Tenant plock = tenant("Miasto Limit");
        // a client of its own, with the small default limit of the test context (5 writes an hour)
        String chatty = "Bearer "
                + Tokens.ISSUER.municipalityToken(unique("chatty"), plock.municipality(), "subscriptions:write");
        Call preferences = MATRIX.get(3);
        String path = plock.path(preferences.path());
        for (int write = 0; write < 5; write++) {
            assertThat(call(preferences, path, chatty).getStatus()).isEqualTo(200);
        }
        Call cleared = new Call(HttpMethod.PUT, preferences.path(), "{\"deliveryMode\": \"IMMEDIATE\"}", 200);

        MockHttpServletResponse refused = call(cleared, path, chatty);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(Long.parseLong(refused.getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(jdbc.sql("select delivery_mode from municipality where id = ?")
                        .params(plock.municipality())
                        .query(String.class)
                        .single())
                .isEqualTo("DAILY_DIGEST");
        // reads are not limited, and the municipality's other clients write on
        assertThat(call(MATRIX.get(2), path, chatty).getStatus()).isEqualTo(200);
        assertThat(call(cleared, path, Tokens.tenant(plock.municipality())).getStatus())
                .isEqualTo(200);
    }

    @Test
    void refusesARequestBodyOverTheLimitBeforeReadingIt() throws Exception {
        Tenant plock = tenant("Miasto Duże");
        String huge = "{\"changeKinds\": [\"CANCELLED\"], \"language\": \"" + "x".repeat(70_000) + "\"}";
        Call change = new Call(HttpMethod.PUT, "/api/municipalities/{m}/subscriptions/{subscription}", huge, 200);
        List<String> before = stored(plock.municipality());

        MockHttpServletResponse response = call(change, plock.path(change.path()), Tokens.tenant(plock.municipality()));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(stored(plock.municipality())).isEqualTo(before);
    }

    @Test
    void refusesAChunkedRequestBodyOverTheLimitWhileReadingIt() throws Exception {
        Tenant plock = tenant("Miasto Duże Kawałkami");
        // a change that would be stored (unknown properties are ignored), but for its size, which is not declared
        String huge = "{\"changeKinds\": [\"CANCELLED\"], \"padding\": \"" + "x".repeat(70_000) + "\"}";
        List<String> before = stored(plock.municipality());

        MockHttpServletResponse response = mvc.perform(
                        chunked(HttpMethod.PUT, plock.path("/api/municipalities/{m}/subscriptions/{subscription}"))
                                .header(HttpHeaders.AUTHORIZATION, Tokens.tenant(plock.municipality()))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(huge))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(stored(plock.municipality())).isEqualTo(before);
    }
}
