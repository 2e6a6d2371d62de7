package eu.herald.web.security;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in, from the ID token: their name, role and, for a clerk, the municipality they act for.
 *
 * @param municipalityId set for a clerk only
 */
public record CurrentUser(String name, Role role, @Nullable UUID municipalityId) {

    static final String ROLE_CLAIM = "herald_role";
    static final String MUNICIPALITY_CLAIM = "municipality_id";

    /** The user of an authentication by this application's login; empty for anything else. */
    public static @Nullable CurrentUser of(@Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        Role role = roleOf(user);
        if (role == null) {
            return null;
        }
        String municipality = user.getClaimAsString(MUNICIPALITY_CLAIM);
        String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new CurrentUser(
                name == null ? user.getSubject() : name,
                role,
                role == Role.CLERK && municipality != null ? UUID.fromString(municipality) : null);
    }

    static @Nullable Role roleOf(ClaimAccessor claims) {
        String role = claims.getClaimAsString(ROLE_CLAIM);
        if (role == null) {
            return null;
        }
        try {
            return Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this person may open the portal of that municipality (the services check it again). */
    public boolean actsFor(UUID municipality) {
        return role == Role.ADMIN || (role == Role.CLERK && municipality.equals(municipalityId));
    }
}
