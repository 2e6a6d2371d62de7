package eu.herald.catalogue;

import static eu.herald.catalogue.SessionJson.networking;
import static eu.herald.testsupport.ChunkedRequestBuilder.chunked;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what in the catalogue, with real RS256 tokens checked against the issuer's JWK set over HTTP:
 * reads are public, every write and the audit trail need {@code catalogue:write}; refusals are problems and
 * store nothing; writes are rate limited per client and audited in their own transaction.
 */
class CatalogueSecurityIntegrationTests extends CatalogueIntegrationTest {

    private static final String EVENT = """
            {"slug": "%s", "name": {"en": "Audited event"}, "edition": 1, "startsOn": "2032-05-03",
             "endsOn": "2032-05-04", "zone": "Europe/Lisbon", "place": "Porto", "themes": ["green-transition"]}
            """;
    private static final String THEME =
            "{\"slug\": \"%s\", \"labels\": {\"en\": \"Smart villages\", \"pl\": \"Inteligentne wsie\","
                    + " \"pt\": \"Aldeias inteligentes\"}}";
    /**
     * A municipality's client, a new one each time: refused writes count against a client's limit too, and
     * the matrix makes more of them than the limit allows one client.
     */
    private static String municipality() {
        return "Bearer "
                + ISSUER.municipalityToken(
                        "municipality-" + UUID.randomUUID(), UUID.randomUUID(), "subscriptions:write");
    }

    /** Every write of the catalogue, on the seeded data, with a body a permitted caller could send. */
    static Stream<Arguments> writes() {
        String session = "/api/sessions/" + SEEDED_SESSION;
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/api/sessions", networking()),
                Arguments.of(HttpMethod.PUT, session, networking()),
                Arguments.of(HttpMethod.PATCH, session, "{\"platform\": \"Webex\"}"),
                Arguments.of(HttpMethod.POST, session + "/publish", null),
                Arguments.of(HttpMethod.POST, session + "/cancel", "{\"reason\": \"none\"}"),
                Arguments.of(HttpMethod.DELETE, session, null),
                Arguments.of(HttpMethod.POST, "/api/events", EVENT.formatted("refused-event")),
                Arguments.of(HttpMethod.PUT, "/api/events/" + SEEDED_EVENT, EVENT.formatted("refused-event")),
                Arguments.of(HttpMethod.DELETE, "/api/events/" + SEEDED_EVENT, null),
                Arguments.of(HttpMethod.POST, "/api/themes", THEME.formatted("refused-theme")),
                Arguments.of(HttpMethod.PUT, "/api/themes/territorial-cohesion", THEME.formatted("x")),
                Arguments.of(HttpMethod.DELETE, "/api/themes/territorial-cohesion", null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/sessions",
                "/api/sessions/" + SEEDED_SESSION,
                "/api/sessions?theme=territorial-cohesion&status=PUBLISHED",
                "/api/events",
                "/api/events/" + SEEDED_EVENT,
                "/api/themes",
                "/api/themes/territorial-cohesion",
                "/api/sessions/" + SEEDED_SESSION + "/calendar.ics",
                "/api/events/" + SEEDED_EVENT + "/calendar.ics",
                "/api/themes/territorial-cohesion/calendar.ics"
            })
    void servesThePublicCatalogueWithoutAToken(String uri) {
        assertThat(mvc.get().uri(uri)).hasStatusOk();
    }

    @ParameterizedTest
    @MethodSource("writes")
    void refusesEveryWriteWithoutATokenAndStoresNothing(HttpMethod method, String uri, String body) {
        Snapshot before = snapshot();

        MvcTestResult result = write(method, uri, body, null);

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(problem(result).get("status").asInt()).isEqualTo(401);
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void refusesEveryWriteWithAnotherScopeAndStoresNothing(HttpMethod method, String uri, String body) {
        Snapshot before = snapshot();

        MvcTestResult result = write(method, uri, body, municipality());

        assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("insufficient_scope");
        assertThat(problem(result).get("status").asInt()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesATokenItsIssuerDidNotSignWithoutEchoingIt() {
        String forged = ISSUER.foreignToken(OPERATOR_CLIENT, "catalogue:write");

        MvcTestResult result = write(HttpMethod.POST, "/api/sessions", networking(), "Bearer " + forged);

        assertThat(result).hasStatus(401);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        assertThat(body(result)).doesNotContain(forged).doesNotContain("Exception");
    }

    @Test
    void recordsEveryOperatorWriteWithItsVersionsInTheAuditTrail() {
        String event = idOf(write(HttpMethod.POST, "/api/events", EVENT.formatted("audited-event"), OPERATOR));
        assertThat(write(
                        HttpMethod.PUT,
                        "/api/events/" + event,
                        EVENT.formatted("audited-event").replace("Porto", "Braga"),
                        OPERATOR,
                        "\"1\""))
                .hasStatusOk();
        String session = idOf(write(
                HttpMethod.POST,
                "/api/sessions",
                networking().replace(SEEDED_EVENT, event).replace("territorial-cohesion", "green-transition"),
                OPERATOR));
        assertThat(write(HttpMethod.POST, "/api/sessions/" + session + "/publish", null, OPERATOR, "\"1\""))
                .hasStatusOk();
        assertThat(write(
                        HttpMethod.POST,
                        "/api/sessions/" + session + "/cancel",
                        "{\"reason\": \"The speaker is ill\"}",
                        OPERATOR,
                        "\"2\""))
                .hasStatusOk();
        assertThat(write(HttpMethod.POST, "/api/themes", THEME.formatted("smart-villages"), OPERATOR))
                .hasStatus(201);
        assertThat(write(HttpMethod.DELETE, "/api/themes/smart-villages", null, OPERATOR, "\"1\""))
                .hasStatus(204);

        assertThat(entries("entity=SESSION&id=" + session))
                .containsExactly(
                        "CANCELLED 2->3 " + OPERATOR_CLIENT,
                        "PUBLISHED 1->2 " + OPERATOR_CLIENT,
                        "CREATED null->1 " + OPERATOR_CLIENT);
        assertThat(entries("entity=EVENT&id=" + event))
                .containsExactly("REVISED 1->2 " + OPERATOR_CLIENT, "CREATED null->1 " + OPERATOR_CLIENT);
        assertThat(entries("entity=THEME&id=smart-villages"))
                .containsExactly("DELETED 1->null " + OPERATOR_CLIENT, "CREATED null->1 " + OPERATOR_CLIENT);
        JsonNode newest = audit("entity=SESSION&id=" + session).get("content").get(0);
        assertThat(newest.get("subject").asString()).isEqualTo(OPERATOR_CLIENT);
        assertThat(newest.get("occurredAt").asString()).isNotBlank();
    }

    @Test
    void recordsNothingForAWriteThatFailsOrChangesNothing() {
        String session = published(networking());
        int entries = count("select count(*) from audit_entry where entity_id = ?", session);

        assertThat(write(HttpMethod.PUT, "/api/sessions/" + session, networking(), OPERATOR, "\"1\""))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(write(HttpMethod.PUT, "/api/sessions/" + session, networking(), OPERATOR, "\"7\""))
                .hasStatus(412);
        assertThat(write(
                        HttpMethod.PUT,
                        "/api/sessions/" + session,
                        networking().replace("Europe/Warsaw", "Europe/Atlantis"),
                        OPERATOR,
                        "\"1\""))
                .hasStatus(400);

        assertThat(count("select count(*) from audit_entry where entity_id = ?", session))
                .isEqualTo(entries)
                .isEqualTo(1);
    }

    @Test
    void showsTheAuditTrailOnlyToOperators() {
        assertThat(mvc.get().uri("/api/audit")).hasStatus(401);
        assertThat(mvc.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, municipality()))
                .hasStatus(403);
        assertThat(mvc.get().uri("/api/audit?entity=SESSION&page=0&size=5").header(HttpHeaders.AUTHORIZATION, OPERATOR))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/audit?entity=PLANET").header(HttpHeaders.AUTHORIZATION, OPERATOR))
                .hasStatus(400);
    }

    @Test
    void exposesOnlyHealthAndInfoWithoutAToken() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/info")).hasStatusOk();
        for (String endpoint : new String[] {"/actuator", "/actuator/env", "/actuator/metrics", "/actuator/beans"}) {
            assertThat(mvc.get().uri(endpoint)).as(endpoint).hasStatus(401);
            assertThat(mvc.get().uri(endpoint).header(HttpHeaders.AUTHORIZATION, municipality()))
                    .as(endpoint)
                    .hasStatus(403);
        }
    }

    @Test
    void limitsTheWritesOfOneClientWithRetryAfterAndLetsOthersWrite() {
        String hasty = "Bearer " + ISSUER.token("hasty-operator", "catalogue:write");
        String uri = "/api/sessions/" + SEEDED_SESSION;
        // stale versions: each write is refused by the catalogue (412) but counts against the limit
        for (int i = 0; i < 5; i++) {
            assertThat(write(HttpMethod.PUT, uri, networking(), hasty, "\"99\""))
                    .hasStatus(412);
        }

        MvcTestResult limited = write(HttpMethod.PUT, uri, networking(), hasty, "\"99\"");

        assertThat(limited).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // 5 writes an hour: the next one is possible in 12 minutes
        assertThat(Long.parseLong(limited.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                .isBetween(710L, 720L);
        assertThat(problem(limited).get("status").asInt()).isEqualTo(429);
        assertThat(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, hasty)).hasStatusOk();
        assertThat(write(HttpMethod.PUT, uri, networking(), OPERATOR, "\"99\"")).hasStatus(412);
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() {
        Snapshot before = snapshot();
        String huge = networking()
                .replace("\"languages\"", "\"description\": {\"en\": \"" + "x".repeat(70_000) + "\"}, \"languages\"");

        MvcTestResult result = write(HttpMethod.POST, "/api/sessions", huge, OPERATOR);

        assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingItAndStoresNothing() {
        Snapshot before = snapshot();
        // a session that would be created (unknown properties are ignored), but for its size, which is not declared
        String huge =
                networking().replace("\"languages\"", "\"padding\": \"" + "x".repeat(70_000) + "\", \"languages\"");

        MvcTestResult result = mvc.perform(chunked(HttpMethod.POST, "/api/sessions")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content(huge));

        assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(problem(result).get("detail").asString()).isEqualTo("The request body is larger than 64 KB");
        assertThat(snapshot()).isEqualTo(before);
    }

    private MvcTestResult write(HttpMethod method, String uri, String body, String authorization) {
        return write(method, uri, body, authorization, "\"1\"");
    }

    private MvcTestResult write(HttpMethod method, String uri, String body, String authorization, String ifMatch) {
        var request = mvc.method(method).uri(uri).header(HttpHeaders.IF_MATCH, ifMatch);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.contentType(
                            method == HttpMethod.PATCH
                                    ? MediaType.valueOf("application/merge-patch+json")
                                    : MediaType.APPLICATION_JSON)
                    .content(body);
        }
        return request.exchange();
    }

    private JsonNode audit(String query) {
        MvcTestResult result = mvc.get()
                .uri("/api/audit?" + query)
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(body(result));
    }

    /** The entries, newest first, as "CHANGE from->to client". */
    private List<String> entries(String query) {
        var entries = new ArrayList<String>();
        audit(query)
                .get("content")
                .forEach(entry -> entries.add(entry.get("change").asString() + " "
                        + version(entry.get("fromVersion")) + "->" + version(entry.get("toVersion")) + " "
                        + entry.get("clientId").asString()));
        return entries;
    }

    private static String version(JsonNode version) {
        return version == null || version.isNull() ? "null" : Integer.toString(version.asInt());
    }

    private JsonNode problem(MvcTestResult result) {
        return json.readTree(body(result));
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private Snapshot snapshot() {
        return new Snapshot(
                count("select count(*) from session"),
                count("select count(*) from event"),
                count("select count(*) from theme"),
                count("select count(*) from outbox"),
                count("select count(*) from audit_entry"),
                count("select version from session where id = ?::uuid", SEEDED_SESSION));
    }

    /** What a refused write must leave as it was. */
    record Snapshot(int sessions, int events, int themes, int outbox, int audit, int seededVersion) {}
}
