package eu.herald.authorization;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered clients: the demo client_credentials clients of the configuration, and the web application,
 * which signs people in (authorization code with PKCE, no consent screen) and returns to its configured base URL.
 */
@Configuration(proxyBeanMethods = false)
class RegisteredClients {

    @Bean
    RegisteredClientRepository clients(AuthorizationServerProperties properties, PasswordEncoder encoder) {
        var folder = new AuthorizationSecretsFolder(properties.secrets());
        Properties secrets = folder.clientSecrets();
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenLifetime())
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        properties
                .clients()
                .forEach((id, client) -> clients.add(withSecret(id, folder, secrets, encoder)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(client.scopes()))
                        .tokenSettings(tokens)
                        .build()));
        AuthorizationServerProperties.Web web = properties.web();
        clients.add(withSecret(web.clientId(), folder, secrets, encoder)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(web.redirectUri())
                .postLogoutRedirectUri(web.postLogoutRedirectUri())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build());
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient.Builder withSecret(
            String id, AuthorizationSecretsFolder folder, Properties secrets, PasswordEncoder encoder) {
        String secret = folder.required(secrets, AuthorizationSecretsFolder.CLIENT_SECRETS, id, "secret");
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .clientId(id)
                .clientSecret(encoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    }
}
