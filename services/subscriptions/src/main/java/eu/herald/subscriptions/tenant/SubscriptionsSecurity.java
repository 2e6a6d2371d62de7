package eu.herald.subscriptions.tenant;

import static eu.herald.security.ResourceServerSecurity.scope;

import eu.herald.security.ResourceServerSecurity;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Onboarding a municipality and listing them all need {@code subscriptions:admin}; everything of one municipality
 * needs {@code subscriptions:write} (and then the {@link TenantGuard} checks that the token's {@code municipality_id}
 * is that municipality) or {@code subscriptions:admin}. Counting who a session change would reach (the operators'
 * dry run before they change a session) needs {@code subscriptions:audience}. The links mailed and handed out
 * (one-click unsubscribe, email verification) carry their own signed token and need none; so does the web push
 * configuration (browsers subscribe on the portal's endpoints page, which the web application serves). Anything not
 * listed here is refused: a new endpoint is closed until it is placed.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(
        name = SubscriptionsSecurity.SECURITY_SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "An access token with subscriptions:write and the municipality's municipality_id claim,"
                + " or with subscriptions:admin; the audience of a change needs subscriptions:audience")
class SubscriptionsSecurity implements WebMvcConfigurer {

    static final String SECURITY_SCHEME = "bearer";
    /** A municipality's users; the token names the municipality in {@code municipality_id}. */
    static final String TENANT = "subscriptions:write";
    /** Who onboards (and may erase) municipalities, and may act for any of them. */
    static final String ADMIN = "subscriptions:admin";
    /** Operators, who see how many municipalities and endpoints a change would reach before they make it. */
    static final String AUDIENCE = "subscriptions:audience";

    private static final String AUDIENCE_PATH = "/api/audience";
    /** Paths reached with a signed link or by anyone, by method. */
    private static final String[] PUBLIC_GETS = {"/unsubscribe/*", "/endpoints/verify/*", "/api/web-push/config"};

    private static final String[] PUBLIC_POSTS = {"/unsubscribe/*", "/endpoints/verify/*"};

    @Bean
    SecurityFilterChain subscriptionsFilterChain(HttpSecurity http, ResourceServerSecurity herald) {
        return herald.build(
                http,
                rules -> rules.requestMatchers(HttpMethod.GET, PUBLIC_GETS)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_GETS)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS)
                        .permitAll()
                        .requestMatchers("/api/municipalities")
                        .hasAuthority(scope(ADMIN))
                        .requestMatchers("/api/municipalities/*", "/api/municipalities/*/**")
                        .hasAnyAuthority(scope(TENANT), scope(ADMIN))
                        .requestMatchers(HttpMethod.POST, AUDIENCE_PATH)
                        .hasAuthority(scope(AUDIENCE))
                        .anyRequest()
                        .denyAll());
    }

    /**
     * The API description says which operations need the bearer token: all of a municipality's, onboarding, and
     * the audience of a change.
     */
    @Bean
    OpenApiCustomizer bearerTokenOnTheMunicipalitiesApi() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/municipalities") || path.equals(AUDIENCE_PATH)) {
                    item.readOperations()
                            .forEach(operation ->
                                    operation.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME)));
                }
            });
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TenantGuard()).addPathPatterns("/api/municipalities/**");
    }
}
