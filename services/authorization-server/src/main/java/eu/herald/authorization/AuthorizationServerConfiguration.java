package eu.herald.authorization;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The clients, the key and the token contents. Only client_credentials is offered: the demo clients stand
 * for an operator's tool, the admin's and the municipalities' integrations; interactive logins belong to the
 * production identity provider (Keycloak, Entra ID).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String MUNICIPALITY_CLAIM = "municipality_id";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        return http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .build();
    }

    /** Everything else: health and info for the local stack's readiness check, nothing more. */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(rules -> rules.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository clients(AuthorizationServerProperties properties, PasswordEncoder encoder) {
        Properties secrets = new AuthorizationSecretsFolder(properties.secrets()).clientSecrets();
        List<RegisteredClient> clients = new ArrayList<>();
        properties.clients().forEach((id, client) -> {
            String secret = secrets.getProperty(id);
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("no secret for client " + id + " in "
                        + properties.secrets().resolve(AuthorizationSecretsFolder.CLIENT_SECRETS));
            }
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8))
                            .toString())
                    .clientId(id)
                    .clientSecret(encoder.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(scopes -> scopes.addAll(client.scopes()))
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(properties.accessTokenLifetime())
                            .build())
                    .build());
        });
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(AuthorizationServerProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(new AuthorizationSecretsFolder(properties.secrets()).signingKey()));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthorizationServerProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.issuer().toString())
                .build();
    }

    /**
     * Access tokens name their client, and a municipality's client its tenant. A request that names no scope
     * gets all of its client's scopes, as Keycloak's default client scopes do, so a curl needs no scope list.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> municipalityClaim(AuthorizationServerProperties properties) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            context.getClaims().claim("client_id", clientId);
            if (context.getAuthorizedScopes().isEmpty()) {
                context.getClaims()
                        .claim(
                                "scope",
                                List.copyOf(context.getRegisteredClient().getScopes()));
            }
            AuthorizationServerProperties.Client client = properties.clients().get(clientId);
            if (client != null && client.municipalityId() != null) {
                context.getClaims()
                        .claim(MUNICIPALITY_CLAIM, client.municipalityId().toString());
            }
        };
    }
}
