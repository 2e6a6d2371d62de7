package eu.herald.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens are read and writes are limited. Which issuer to trust is the standard
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}).
 *
 * @param scopeClaims claims whose values become {@code SCOPE_…} authorities: {@code scope} (Spring
 *     Authorization Server, Keycloak), {@code scp} (Entra ID delegated), {@code roles} (Entra ID app roles,
 *     which is what a client_credentials token of Entra ID carries)
 * @param municipalityClaim the claim that names a municipality user's tenant
 * @param operatorScopes any of these opens the actuator endpoints beyond health and info
 * @param maxRequestBody larger request bodies are refused with 413 before they are read
 * @param writeLimits rate limits of writes (POST, PUT, PATCH, DELETE)
 */
@ConfigurationProperties("herald.security")
@Validated
public record HeraldSecurityProperties(
        @DefaultValue({"scope", "scp", "roles"}) @NotEmpty List<String> scopeClaims,
        @DefaultValue("municipality_id") String municipalityClaim,

        @DefaultValue({"catalogue:write", "notifications:operate"}) @NotEmpty
        List<String> operatorScopes,

        @DefaultValue("64KB") DataSize maxRequestBody,
        @DefaultValue @Valid WriteLimits writeLimits) {

    /**
     * @param perClient (default 60 a minute) what one client (an operator's tool, a municipality's integration) may write
     * @param perTenant (default 120 a minute) what all clients of one municipality together may write
     * @param clients a limit of its own for a client by id, e.g. an operator's bulk import tool
     */
    public record WriteLimits(
            @DefaultValue("true") boolean enabled,
            @Nullable @Valid Limit perClient,
            @Nullable @Valid Limit perTenant,
            @DefaultValue Map<String, @Valid Limit> clients) {

        public WriteLimits {
            perClient = perClient == null ? new Limit(60, Duration.ofMinutes(1)) : perClient;
            perTenant = perTenant == null ? new Limit(120, Duration.ofMinutes(1)) : perTenant;
        }

        @Override
        public Limit perClient() {
            return Objects.requireNonNull(perClient);
        }

        @Override
        public Limit perTenant() {
            return Objects.requireNonNull(perTenant);
        }

        Limit of(String clientId) {
            return clients.getOrDefault(clientId, perClient());
        }
    }

    /** {@code requests} writes in a burst, refilled evenly over {@code per}. */
    public record Limit(
            @DefaultValue("60") @Positive int requests,
            @DefaultValue("1m") Duration per) {}
}
