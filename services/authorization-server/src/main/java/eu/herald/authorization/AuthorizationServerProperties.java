package eu.herald.authorization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
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
 * @param secrets the folder with {@code signing-key.pem} and {@code client-secrets.properties}; nothing in
 *     it is ever committed (the local stack generates it in {@code .herald/authorization})
 * @param accessTokenLifetime how long a token is valid
 * @param clients the clients by id; each needs a secret in the folder
 */
@ConfigurationProperties("herald.authorization")
@Validated
public record AuthorizationServerProperties(
        @DefaultValue("http://localhost:9000") URI issuer,
        @DefaultValue(".herald/authorization") Path secrets,
        @DefaultValue("1h") Duration accessTokenLifetime,
        @NotEmpty Map<String, @Valid Client> clients) {

    /**
     * @param scopes granted to every token of this client
     * @param municipalityId put into the tokens' {@code municipality_id} claim: the client acts for this tenant
     */
    public record Client(
            @NotEmpty List<String> scopes, @Nullable UUID municipalityId) {}
}
