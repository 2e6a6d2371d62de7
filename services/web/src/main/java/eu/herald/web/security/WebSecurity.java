package eu.herald.web.security;

import eu.herald.web.WebProperties;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * People sign in at the authorization server with the authorization-code flow and PKCE; the tokens it issues stay in
 * the HTTP session (Spring Security's session-backed authorized-client repository) and never reach the browser,
 * whose only credential is the {@code HttpOnly}, {@code SameSite=Lax} session cookie. CSRF protection is on for every
 * form and script. Signing out ends both this session and the authorization server's (OpenID Connect RP-initiated
 * logout).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String REGISTRATION = "herald";
    private static final String[] PUBLIC = {"/css/**", "/js/**", "/sw.js", "/favicon.ico", "/error"};

    @Bean
    SecurityFilterChain webFilterChain(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository clients,
            LocaleResolver languages)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        return http.authorizeHttpRequests(rules -> rules.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/console", "/console/**")
                        .hasAuthority(Role.OPERATOR.authority())
                        .requestMatchers("/municipalities", "/municipalities/**")
                        .hasAnyAuthority(Role.CLERK.authority(), Role.ADMIN.authority())
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(
                                endpoint -> endpoint.authorizationRequestResolver(withPkce(registrations, languages)))
                        .authorizedClientRepository(clients)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesFromIdToken())))
                .logout(signOut -> signOut.logoutSuccessHandler(logout))
                .build();
    }

    /**
     * PKCE also for this confidential client (the authorization server requires it), and the page's language
     * passed on as {@code ui_locales} so that the sign-in page speaks it too.
     */
    private static OAuth2AuthorizationRequestResolver withPkce(
            ClientRegistrationRepository registrations, LocaleResolver languages) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request ->
                        request.additionalParameters(parameters -> parameters.put("ui_locales", language(languages)))));
        return resolver;
    }

    private static String language(LocaleResolver languages) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return languages.resolveLocale(attributes.getRequest()).toLanguageTag();
        }
        return LocaleContextHolder.getLocale().toLanguageTag();
    }

    /** {@code herald_role} of the ID token becomes {@code ROLE_OPERATOR}, {@code ROLE_ADMIN} or {@code ROLE_CLERK}. */
    private static GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Role role = CurrentUser.roleOf(oidc.getIdToken());
                    if (role != null) {
                        mapped.add(new SimpleGrantedAuthority(role.authority()));
                    }
                }
            }
            return mapped;
        };
    }

    /**
     * The authorization server's endpoints are named rather than discovered, so that this application starts
     * whether or not the authorization server is up yet. The browser goes to the issuer; this application fetches
     * tokens and keys over the back channel, which in a container network has another host name.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(WebProperties properties) {
        String issuer = properties.issuerUrl();
        String backchannel = properties.backchannel();
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(backchannel + "/oauth2/token")
                .jwkSetUri(backchannel + "/oauth2/jwks")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientName("Herald")
                .build());
    }

    /** The signed-in person's tokens live in their HTTP session, and end with it. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Gets the signed-in person's access token from the session, refreshing it when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClients(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(
                new AuthorizationCodeOAuth2AuthorizedClientProvider(),
                new RefreshTokenOAuth2AuthorizedClientProvider()));
        return manager;
    }
}
