package eu.herald.authorization;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the tokens say. An access token names its client. A client_credentials token carries its client's
 * scopes and a municipality's client its tenant. A token issued for a person (authorization code, refresh
 * token) carries the scopes of the person's role, whatever the web application asked for, and a clerk's
 * municipality; the ID token tells the web application who signed in and in which role.
 */
@Configuration(proxyBeanMethods = false)
class TokenClaims {

    static final String MUNICIPALITY_CLAIM = "municipality_id";
    static final String ROLE_CLAIM = "herald_role";

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> heraldClaims(AuthorizationServerProperties properties) {
        return context -> {
            AuthorizationServerProperties.@Nullable User user = forPerson(context)
                    ? properties.users().get(context.getPrincipal().getName())
                    : null;
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                String clientId = context.getRegisteredClient().getClientId();
                context.getClaims().claim("client_id", clientId);
                if (user != null) {
                    context.getClaims().claim("scope", user.role().scopes());
                    if (user.municipalityId() != null) {
                        context.getClaims()
                                .claim(MUNICIPALITY_CLAIM, user.municipalityId().toString());
                    }
                    return;
                }
                clientCredentials(context, properties.clients().get(clientId));
            } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue()) && user != null) {
                context.getClaims()
                        .claim(StandardClaimNames.NAME, user.displayName())
                        .claim(
                                StandardClaimNames.PREFERRED_USERNAME,
                                context.getPrincipal().getName())
                        .claim(ROLE_CLAIM, user.role().name());
                if (user.municipalityId() != null) {
                    context.getClaims()
                            .claim(MUNICIPALITY_CLAIM, user.municipalityId().toString());
                }
            }
        };
    }

    private static boolean forPerson(JwtEncodingContext context) {
        return AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
                || AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType());
    }

    /**
     * A request that names no scope gets all of its client's scopes, as Keycloak's default client scopes do, so a
     * curl needs no scope list.
     */
    private static void clientCredentials(
            JwtEncodingContext context, AuthorizationServerProperties.@Nullable Client client) {
        if (context.getAuthorizedScopes().isEmpty()) {
            context.getClaims()
                    .claim("scope", List.copyOf(context.getRegisteredClient().getScopes()));
        }
        if (client != null && client.municipalityId() != null) {
            context.getClaims()
                    .claim(MUNICIPALITY_CLAIM, client.municipalityId().toString());
        }
    }
}
