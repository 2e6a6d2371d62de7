package eu.herald.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The security filter chain every service builds the same way: a stateless JWT resource server; health and
 * info public, the other actuator endpoints for operators; the service's own rules; everything else needs a
 * valid token. 401/403/413/429 are problem details; writes are rate limited per client and tenant.
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain security(HttpSecurity http, ResourceServerSecurity herald) {
 *     return herald.build(http, rules -> rules
 *             .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
 *             .anyRequest().hasAuthority(ResourceServerSecurity.scope("catalogue:write")));
 * }
 * }</pre>
 */
public final class ResourceServerSecurity {

    /** What a service adds between the shared actuator rules and the final "authenticated". */
    @FunctionalInterface
    public interface Rules
            extends Customizer<
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {}

    private final HeraldSecurityProperties properties;
    private final CallerTokens tokens;
    private final ProblemAuthenticationEntryPoint problems;
    private final WriteRateLimiter rateLimiter;
    private final RequestBodyLimit bodyLimit;

    ResourceServerSecurity(
            HeraldSecurityProperties properties,
            CallerTokens tokens,
            ProblemAuthenticationEntryPoint problems,
            WriteRateLimiter rateLimiter,
            RequestBodyLimit bodyLimit) {
        this.properties = properties;
        this.tokens = tokens;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
        this.bodyLimit = bodyLimit;
    }

    RequestBodyLimit bodyLimit() {
        return bodyLimit;
    }

    /** The authority a token with this scope has, for {@code hasAuthority}. */
    public static String scope(String scope) {
        return ScopeAuthorities.PREFIX + scope;
    }

    public SecurityFilterChain build(HttpSecurity http, Rules serviceRules) {
        String[] operators = properties.operatorScopes().stream()
                .map(ResourceServerSecurity::scope)
                .toArray(String[]::new);
        return http
                // bearer tokens only, no cookies: nothing for a cross-site request to ride on
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(EndpointRequest.to("health", "info"))
                            .permitAll()
                            .requestMatchers(EndpointRequest.toAnyEndpoint())
                            .hasAnyAuthority(operators)
                            .requestMatchers("/error", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll();
                    serviceRules.customize(rules);
                })
                .addFilterBefore(bodyLimit, BearerTokenAuthenticationFilter.class)
                .addFilterBefore(rateLimiter, AuthorizationFilter.class)
                .build();
    }
}
