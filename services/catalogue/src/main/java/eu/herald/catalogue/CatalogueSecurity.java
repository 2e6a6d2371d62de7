package eu.herald.catalogue;

import static eu.herald.security.ResourceServerSecurity.scope;

import eu.herald.catalogue.shared.OperatorApi;
import eu.herald.security.ResourceServerSecurity;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public catalogue is public: every read of sessions, events, themes and their iCalendar feeds needs no
 * token. Every write, and the audit trail, needs the operators' scope {@code catalogue:write}.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(
        name = OperatorApi.SECURITY_SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "An access token with the scope catalogue:write")
class CatalogueSecurity {

    static final String OPERATORS = "catalogue:write";

    @Bean
    SecurityFilterChain catalogueFilterChain(HttpSecurity http, ResourceServerSecurity herald) {
        return herald.build(
                http,
                rules -> rules.requestMatchers("/api/audit", "/api/audit/**")
                        .hasAuthority(scope(OPERATORS))
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .hasAuthority(scope(OPERATORS))
                        .anyRequest()
                        .denyAll());
    }
}
