package eu.herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.Dispatch;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, with real RS256 tokens checked against the issuer's JWK set over HTTP: every endpoint the
 * application maps (read from Spring MVC itself, so a new one cannot be added unprotected) refuses a request without
 * a token (401) and with a token of another scope (403), and serves the operators' {@code notifications:operate};
 * the actuator shows only health and info to everyone; replays are audited.
 */
class NotificationsSecurityIntegrationTests extends IntegrationTestSupport {

    /** What the shared rules leave public: the API document, Swagger UI and the error page. */
    private static final List<String> PUBLIC = List.of("/v3/api-docs", "/swagger-ui", "/error");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Dispatch dispatch;

    @Autowired
    JdbcClient jdbc;

    /** Every mapped endpoint of the application that is not public, with a method it answers to. */
    private List<Call> protectedCalls() {
        List<Call> calls = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (PUBLIC.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                String uri = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                if (methods.isEmpty()) {
                    calls.add(new Call(HttpMethod.GET, uri));
                }
                methods.forEach(method -> calls.add(new Call(HttpMethod.valueOf(method.name()), uri)));
            }
        }
        return calls;
    }

    record Call(HttpMethod method, String uri) {}

    @Test
    void findsEveryEndpointOfTheApi() {
        assertThat(protectedCalls())
                .contains(
                        new Call(HttpMethod.GET, "/api/deliveries"),
                        new Call(HttpMethod.GET, "/api/operator/deliveries/dead"),
                        new Call(HttpMethod.GET, "/api/operator/audit"))
                .extracting(Call::uri)
                .anyMatch(uri -> uri.matches("/api/operator/changes/[0-9a-f-]{36}/replay"))
                .anyMatch(uri -> uri.matches("/api/operator/deliveries/[0-9a-f-]{36}/replay"))
                .anyMatch(uri -> uri.matches("/api/deliveries/[0-9a-f-]{36}"))
                .allMatch(uri -> uri.startsWith("/api/"));
    }

    @Test
    void refusesEveryEndpointWithoutATokenAsAProblem() {
        for (Call call : protectedCalls()) {
            MvcTestResult result = call(call, null);

            assertThat(result).as(call.toString()).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .as(call.toString())
                    .startsWith("Bearer");
        }
    }

    @Test
    void refusesEveryEndpointToATokenWithoutTheOperatorsScope() {
        for (Call call : protectedCalls()) {
            // a municipality's own client, and the catalogue's operators: neither operates notifications
            String municipality = ISSUER.municipalityToken(
                    "municipality-" + UUID.randomUUID(), UUID.fromString(RequestJson.PLOCK), "subscriptions:write");
            String catalogue = ISSUER.token("catalogue-" + UUID.randomUUID(), "catalogue:write");
            for (String token : List.of(municipality, catalogue)) {
                MvcTestResult result = call(call, token);

                assertThat(result).as(call.toString()).hasStatus(403);
                assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                        .as(call.toString())
                        .contains("insufficient_scope");
            }
        }
    }

    @Test
    void servesEveryEndpointToAnOperator() {
        for (Call call : protectedCalls()) {
            MvcTestResult result = call(call, OPERATOR_TOKEN);

            // random ids: 404 for one delivery, 400 for a missing parameter, 202 for a change without DEAD ones
            assertThat(result.getResponse().getStatus())
                    .as(call.toString())
                    .isNotIn(401, 403)
                    .isLessThan(500);
        }
    }

    @Test
    void refusesATokenItsIssuerDidNotSignWithoutEchoingIt() {
        String forged = ISSUER.foreignToken(OPERATOR_CLIENT, "notifications:operate");

        MvcTestResult result = call(new Call(HttpMethod.GET, "/api/operator/deliveries/dead"), forged);

        assertThat(result).hasStatus(401);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        assertThat(body(result)).doesNotContain(forged).doesNotContain("Exception");
    }

    @Test
    void exposesOnlyHealthAndInfoWithoutATokenAndMetricsToOperators() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/info")).hasStatusOk();
        String catalogue = "Bearer " + ISSUER.token("catalogue-operator", "catalogue:write");
        for (String endpoint : List.of("/actuator", "/actuator/prometheus")) {
            assertThat(mvc.get().uri(endpoint)).as(endpoint).hasStatus(401);
            assertThat(mvc.get().uri(endpoint).header(HttpHeaders.AUTHORIZATION, catalogue))
                    .as(endpoint)
                    .hasStatus(403);
            assertThat(mvc.get().uri(endpoint).header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN))
                    .as(endpoint)
                    .hasStatusOk();
        }
    }

    @Test
    void exposesNeitherTheEnvironmentNorTheConfigurationPropertiesEvenToOperators() {
        for (String endpoint :
                List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump")) {
            MvcTestResult result = mvc.get()
                    .uri(endpoint)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN)
                    .exchange();
            assertThat(result.getResponse().getStatus()).as(endpoint).isIn(403, 404);
            assertThat(body(result)).as(endpoint).doesNotContain(WEBHOOK_MASTER_KEY);
        }
        String links = body(mvc.get()
                .uri("/actuator")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN)
                .exchange());
        assertThat(links)
                .contains("/actuator/prometheus")
                .doesNotContain("/actuator/env")
                .doesNotContain("configprops");
    }

    @Test
    void recordsWhoReplayedWhatAndHowManyMoved() {
        ChangeId change = SeedRequests.newChange();
        Endpoint refused =
                SeedRequests.email("audit-" + UUID.randomUUID() + "@herald-tests.example\r\nBcc: x@y.example");
        dispatch.dispatch(List.of(SeedRequests.rescheduled(change, SeedRequests.plock(), refused)));
        DeliveryId delivery = DeliveryId.of(change, refused.id());
        // as an exhausted schedule leaves it: DEAD, never sent
        assertThat(jdbc.sql("update delivery set status = 'DEAD' where delivery_id = :id and status = 'FAILED'")
                        .param("id", delivery.value())
                        .update())
                .isEqualTo(1);
        String console = ISSUER.token(
                "alice", Map.of("scope", "notifications:operate", "client_id", "ops-console"), Duration.ofHours(1));
        String municipality =
                ISSUER.municipalityToken("plock-" + UUID.randomUUID(), UUID.randomUUID(), "subscriptions:write");

        assertThat(call(new Call(HttpMethod.POST, "/api/operator/deliveries/" + delivery + "/replay"), municipality))
                .hasStatus(403);
        assertThat(audit("target=" + delivery)).isEmpty();
        assertThat(call(new Call(HttpMethod.POST, "/api/operator/deliveries/" + delivery + "/replay"), console))
                .hasStatus(202);
        assertThat(call(new Call(HttpMethod.POST, "/api/operator/changes/" + change + "/replay"), OPERATOR_TOKEN))
                .hasStatus(202);

        List<JsonNode> byChange = audit("target=" + change);
        assertThat(byChange).hasSize(1);
        assertThat(byChange.get(0).get("clientId").asString()).isEqualTo(OPERATOR_CLIENT);
        assertThat(byChange.get(0).get("target").asString()).isEqualTo("CHANGE");
        // the delivery was no longer DEAD: nothing moved, and the request is on record all the same
        assertThat(byChange.get(0).get("replayed").asInt()).isZero();
        List<JsonNode> byDelivery = audit("target=" + delivery);
        assertThat(byDelivery).hasSize(1);
        JsonNode replay = byDelivery.get(0);
        assertThat(replay.get("clientId").asString()).isEqualTo("ops-console");
        assertThat(replay.get("subject").asString()).isEqualTo("alice");
        assertThat(replay.get("target").asString()).isEqualTo("DELIVERY");
        assertThat(replay.get("replayed").asInt()).isEqualTo(1);
        assertThat(replay.get("deliveryIds").get(0).asString()).isEqualTo(delivery.toString());
        assertThat(replay.get("occurredAt").asString()).isNotBlank();
        assertThat(audit("client=ops-console"))
                .extracting(entry -> entry.get("targetId").asString())
                .contains(delivery.toString())
                .doesNotContain(change.toString());
        assertThat(call(new Call(HttpMethod.GET, "/api/operator/audit?limit=0"), OPERATOR_TOKEN))
                .hasStatus(400);
        // the replayed delivery was attempted again and refused again: an audit never sends what could not be sent
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(jdbc.sql("select status from delivery where delivery_id = :id")
                                .param("id", delivery.value())
                                .query(String.class)
                                .single())
                        .isEqualTo(DeliveryStatus.FAILED.name()));
    }

    private List<JsonNode> audit(String query) {
        MvcTestResult result = call(new Call(HttpMethod.GET, "/api/operator/audit?" + query), OPERATOR_TOKEN);
        assertThat(result).hasStatusOk();
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(body(result)).forEach(entries::add);
        return entries;
    }

    private MvcTestResult call(Call call, String token) {
        var request = mvc.method(call.method()).uri(call.uri());
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange();
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
