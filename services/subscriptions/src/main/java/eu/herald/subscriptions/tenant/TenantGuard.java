package eu.herald.subscriptions.tenant;

import static eu.herald.security.ResourceServerSecurity.scope;

import eu.herald.security.Caller;
import eu.herald.subscriptions.municipality.MunicipalityId;
import eu.herald.subscriptions.municipality.MunicipalityNotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Lets a request naming a municipality in its path ({@code {municipalityId}}) through only for an admin or a
 * user of that municipality. Anybody else is told the municipality does not exist, with exactly the answer of
 * an unknown id, so that trying ids reveals nothing; the handler never runs, so nothing is read or changed.
 * It runs after the handler is chosen (the path variable is known) and before any argument is read.
 */
final class TenantGuard implements HandlerInterceptor {

    static final String MUNICIPALITY = "municipalityId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String value = variables == null ? null : variables.get(MUNICIPALITY);
        if (value == null) {
            return true;
        }
        UUID municipality;
        try {
            municipality = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return true; // the handler refuses a malformed id with 400, which tells nothing about any tenant
        }
        if (!mayActFor(municipality)) {
            throw new MunicipalityNotFound(new MunicipalityId(municipality));
        }
        return true;
    }

    private static boolean mayActFor(UUID municipality) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (scope(SubscriptionsSecurity.ADMIN).equals(authority.getAuthority())) {
                return true;
            }
        }
        return Caller.current().map(caller -> caller.actsFor(municipality)).orElse(false);
    }
}
