package eu.herald.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The union of the scopes in every configured claim as {@code SCOPE_…} authorities. Spring's own converter
 * reads only the first claim it finds; providers differ in which one they fill (Keycloak {@code scope}, Entra
 * ID {@code scp} for users and {@code roles} for applications), so all are read.
 */
final class ScopeAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    static final String PREFIX = "SCOPE_";

    private final List<String> claims;

    ScopeAuthorities(List<String> claims) {
        this.claims = List.copyOf(claims);
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String claim : claims) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String text) {
                for (String scope : text.trim().split("\\s+")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            } else if (value instanceof Collection<?> values) {
                values.forEach(scope -> scopes.add(String.valueOf(scope)));
            }
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority(PREFIX + scope)));
        return authorities;
    }
}
