package eu.herald.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/** Makes {@link ResourceServerSecurity} available to a service that has this module on its classpath. */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(HeraldSecurityProperties.class)
public class HeraldSecurityAutoConfiguration {

    @Bean
    ResourceServerSecurity resourceServerSecurity(HeraldSecurityProperties properties, JsonMapper json) {
        Problems problems = new Problems(json);
        return new ResourceServerSecurity(
                properties,
                new CallerTokens(properties),
                new ProblemAuthenticationEntryPoint(problems),
                new WriteRateLimiter(properties.writeLimits(), problems, System::nanoTime),
                new RequestBodyLimit(properties.maxRequestBody(), problems));
    }

    /** The 413 of a body of undeclared length that went over the limit while it was read. */
    @Bean
    HandlerExceptionResolver requestBodyLimitRefusal(ResourceServerSecurity security) {
        return security.bodyLimit().refusal();
    }
}
