package eu.herald.authorization;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The endpoints, the key and the sign-in. The demo clients get client_credentials tokens; the web application
 * signs people in with the authorization code flow and PKCE (OpenID Connect, with RP-initiated logout) through
 * this server's own login page.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String LOGIN_PAGE = "/login";

    /**
     * The OAuth2 and OpenID Connect endpoints. A browser that is not signed in is sent to the login page; the
     * user info endpoint takes the access tokens this server issued.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        return http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .build();
    }

    /**
     * Everything else: the login page (its form protected by a CSRF token) and health and info for the readiness
     * checks, nothing more. Signing in without an authorization request in progress leads to the web application.
     */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http, AuthorizationServerProperties properties) throws Exception {
        return http.authorizeHttpRequests(rules -> rules.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .requestMatchers(LOGIN_PAGE, "/login.css", "/error")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .formLogin(login -> login.loginPage(LOGIN_PAGE)
                        .defaultSuccessUrl(properties.web().postLogoutRedirectUri()))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(AuthorizationServerProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(new AuthorizationSecretsFolder(properties.secrets()).signingKey()));
    }

    /** For the user info endpoint: the access tokens of this server, checked with its own key. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthorizationServerProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.issuer().toString())
                .build();
    }
}
