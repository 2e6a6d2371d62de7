package eu.herald.notifications;

import static eu.herald.security.ResourceServerSecurity.scope;

import eu.herald.security.ResourceServerSecurity;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Nothing of the delivery log is public: it holds the municipalities' addresses and what was sent to them. Every
 * {@code /api/**} endpoint (the delivery log, the operator API, its audit) needs {@code notifications:operate};
 * anything else that is not the shared rules' health, info or API document is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@SecurityScheme(
        name = NotificationsSecurity.SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "An access token with the scope notifications:operate")
@OpenAPIDefinition(security = @SecurityRequirement(name = NotificationsSecurity.SCHEME))
class NotificationsSecurity {

    static final String SCHEME = "operator";
    static final String OPERATORS = "notifications:operate";

    @Bean
    SecurityFilterChain notificationsFilterChain(HttpSecurity http, ResourceServerSecurity herald) {
        return herald.build(
                http,
                rules -> rules.requestMatchers("/api/**")
                        .hasAuthority(scope(OPERATORS))
                        .anyRequest()
                        .denyAll());
    }
}
