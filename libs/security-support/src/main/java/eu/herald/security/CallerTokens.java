package eu.herald.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a validated JWT into the authentication of a {@link Caller} with its scopes. */
final class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ScopeAuthorities scopes;
    private final String municipalityClaim;

    CallerTokens(HeraldSecurityProperties properties) {
        this.scopes = new ScopeAuthorities(properties.scopeClaims());
        this.municipalityClaim = properties.municipalityClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new CallerAuthentication(jwt, scopes.convert(jwt), Caller.of(jwt, municipalityClaim));
    }
}
