package eu.herald.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthorizationServerIntegrationTests extends RunningAuthorizationServer {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void issuesAnOperatorTokenWithItsScopesSignedByTheServedKey() throws Exception {
        HttpResponse<String> response = token("herald-operator", CREDENTIALS.clientSecret("herald-operator"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
        RSAKey key = (RSAKey) JWKSet.parse(get("/oauth2/jwks").body())
                .getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("herald-operator");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("herald-operator");
        assertThat(claims.getStringListClaim("scope"))
                .containsExactlyInAnyOrder("catalogue:write", "notifications:operate", "subscriptions:audience");
        assertThat(claims.getClaim("municipality_id")).isNull();
    }

    @Test
    void putsTheMunicipalityIdIntoAMunicipalityClientsToken() throws Exception {
        HttpResponse<String> response = token("plock", CREDENTIALS.clientSecret("plock"), "subscriptions:write");

        assertThat(response.statusCode()).isEqualTo(200);
        var claims = SignedJWT.parse(
                        json.readTree(response.body()).get("access_token").asString())
                .getJWTClaimsSet();
        assertThat(claims.getStringClaim("municipality_id")).isEqualTo("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b");
        assertThat(claims.getStringListClaim("scope")).containsExactly("subscriptions:write");
    }

    @Test
    void refusesAWrongSecret() throws Exception {
        HttpResponse<String> response = token("herald-operator", CREDENTIALS.clientSecret("plock"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void refusesAScopeTheClientWasNotGiven() throws Exception {
        HttpResponse<String> response = token("lublin", CREDENTIALS.clientSecret("lublin"), "catalogue:write");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void servesOnlyThePublicHalfOfTheKey() throws Exception {
        HttpResponse<String> response = get("/oauth2/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(response.body());
        assertThat(keys.getKeys()).hasSize(1);
        assertThat(keys.getKeys().get(0).isPrivate()).isFalse();
        assertThat(response.body()).doesNotContain("\"d\"");
    }

    @Test
    void publishesItsMetadataWithTheConfiguredIssuer() throws Exception {
        HttpResponse<String> response = get("/.well-known/oauth-authorization-server");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = json.readTree(response.body());
        assertThat(metadata.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
    }

    @Test
    void answersHealthButNothingElseOutsideItsEndpoints() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isIn(401, 403);
        assertThat(get("/anything").statusCode()).isIn(401, 403);
    }

    private HttpResponse<String> token(String client, String secret, String scope)
            throws IOException, InterruptedException {
        String form = "grant_type=client_credentials"
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(url("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
