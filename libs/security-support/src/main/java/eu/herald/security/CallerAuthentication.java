package eu.herald.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated token with the {@link Caller} read from it once. */
final class CallerAuthentication extends JwtAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.clientId());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && other instanceof CallerAuthentication that && caller.equals(that.caller);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + caller.hashCode();
    }
}
