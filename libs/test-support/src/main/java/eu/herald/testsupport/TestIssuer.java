package eu.herald.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * An OAuth2 issuer for resource-server tests: signs real RS256 JWTs with a fresh RSA key and serves the JWK
 * set over HTTP ({@code /oauth2/jwks}), so a service validates tokens exactly as in production. One per JVM
 * ({@link #shared()}); a second, unrelated key ({@link #foreignToken}) signs tokens that must be refused.
 */
public final class TestIssuer {

    private static final TestIssuer SHARED = new TestIssuer();

    private final RSAKey key = generate("herald-test");
    private final RSAKey foreignKey = generate("somebody-else");
    private final HttpServer server;

    private TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test issuer", e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
    }

    /** The issuer of this JVM, started on first use. */
    public static TestIssuer shared() {
        return SHARED;
    }

    /** The {@code iss} of the tokens, and what {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** For {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /** A client_credentials-like token: subject and client id are the client, scopes space-separated. */
    public String token(String client, String scopes) {
        return token(client, Map.of("scope", scopes, "client_id", client), Duration.ofHours(1));
    }

    /** A token of a municipality's client, carrying its id in {@code municipality_id}. */
    public String municipalityToken(String client, UUID municipality, String scopes) {
        return token(
                client,
                Map.of("scope", scopes, "client_id", client, "municipality_id", municipality.toString()),
                Duration.ofHours(1));
    }

    /** A token with any claims, valid for {@code lifetime} from now (negative: expired already). */
    public String token(String subject, Map<String, Object> claims, Duration lifetime) {
        return sign(key, subject, claims, lifetime);
    }

    /** A well-formed token this issuer's JWK set cannot verify. */
    public String foreignToken(String client, String scopes) {
        return sign(foreignKey, client, Map.of("scope", scopes, "client_id", client), Duration.ofHours(1));
    }

    private String sign(RSAKey signingKey, String subject, Map<String, Object> claims, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .issueTime(Date.from(now.minusSeconds(1)))
                .notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a test key", e);
        }
    }
}
