package eu.herald.authorization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param issuer the {@code iss} of every token, which resource servers check
 * @param secrets the folder with {@code signing-key.pem}, {@code client-secrets.properties} and
 *     {@code user-passwords.properties}; nothing in it is ever committed (the local stack generates it in
 *     {@code .herald/authorization})
 * @param accessTokenLifetime how long a token is valid
 * @param clients the client_credentials clients by id; each needs a secret in the folder
 * @param users the people who sign in to the web application, by user name; each needs a password in the folder
 * @param web the web application, the one client that signs people in
 */
@ConfigurationProperties("herald.authorization")
@Validated
public record AuthorizationServerProperties(
        @DefaultValue("http://localhost:9000") URI issuer,
        @DefaultValue(".herald/authorization") Path secrets,
        @DefaultValue("1h") Duration accessTokenLifetime,
        @NotEmpty Map<String, @Valid Client> clients,
        @DefaultValue Map<String, @Valid User> users,
        @DefaultValue @Valid Web web) {

    /**
     * @param scopes granted to every token of this client
     * @param municipalityId put into the tokens' {@code municipality_id} claim: the client acts for this tenant
     */
    public record Client(
            @NotEmpty List<String> scopes, @Nullable UUID municipalityId) {}

    /**
     * @param role what the user may do: its scopes in the access token
     * @param displayName the ID token's {@code name}
     * @param municipalityId a clerk's municipality, put into the tokens' {@code municipality_id} claim
     */
    public record User(
            @NotNull Role role,
            @NotBlank String displayName,
            @Nullable UUID municipalityId) {}

    /**
     * @param clientId the web application's client id; its secret is in {@code client-secrets.properties}
     * @param baseUrl where the web application is served: people return to {@code <base>/login/oauth2/code/herald}
     *     after signing in and to {@code <base>/} after signing out
     */
    public record Web(
            @DefaultValue("herald-web") String clientId,
            @DefaultValue("http://localhost:8080") URI baseUrl) {

        String redirectUri() {
            return base() + "/login/oauth2/code/herald";
        }

        String postLogoutRedirectUri() {
            return base() + "/";
        }

        private String base() {
            String url = baseUrl.toString();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
