package eu.herald.security;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sends the current request, as the token says.
 *
 * @param subject the token's {@code sub}: a user, or the client itself for client_credentials
 * @param clientId the client that obtained the token ({@code client_id}, {@code azp} or Entra ID's
 *     {@code appid}); the subject when the token names none
 * @param municipalityId the tenant of a municipality user, absent for operators and admins
 */
public record Caller(
        String subject, String clientId, @Nullable UUID municipalityId) {

    private static final String[] CLIENT_CLAIMS = {"client_id", "azp", "appid"};

    /** The caller of the request being handled, if it presented a valid token. */
    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<Caller> of(@Nullable Authentication authentication) {
        if (authentication instanceof CallerAuthentication caller) {
            return Optional.of(caller.caller());
        }
        return Optional.empty();
    }

    static Caller of(Jwt jwt, String municipalityClaim) {
        String subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
        String client = subject;
        for (String claim : CLIENT_CLAIMS) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                client = value;
                break;
            }
        }
        return new Caller(subject, client, municipality(jwt, municipalityClaim));
    }

    /** A malformed municipality claim names no tenant: such a caller gets no tenant's data. */
    private static @Nullable UUID municipality(Jwt jwt, String claim) {
        String value = jwt.getClaimAsString(claim);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the caller acts for this municipality. */
    public boolean actsFor(UUID municipality) {
        return municipality.equals(municipalityId);
    }

    /** Who, for an audit trail: the client, and the subject when it differs (a user of that client). */
    public String name() {
        return subject.equals(clientId) ? clientId : clientId + " (" + subject + ")";
    }
}
