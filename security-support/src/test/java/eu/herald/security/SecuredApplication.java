package eu.herald.security;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service in miniature, secured the way the Herald services are: public reads, writes need a scope. */
@SpringBootApplication
class SecuredApplication {

    static final String WRITE = "things:write";

    @Bean
    SecurityFilterChain security(HttpSecurity http, ResourceServerSecurity herald) {
        return herald.build(
                http,
                rules -> rules.requestMatchers(HttpMethod.GET, "/api/things")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/things")
                        .hasAuthority(ResourceServerSecurity.scope(WRITE))
                        .anyRequest()
                        .authenticated());
    }

    @RestController
    static class Things {

        @GetMapping("/api/things")
        Map<String, String> list() {
            return Map.of("things", "all");
        }

        @PostMapping("/api/things")
        Map<String, String> create(@RequestBody Map<String, String> thing) {
            return Map.of("created", thing.getOrDefault("name", ""));
        }

        @GetMapping("/api/me")
        Caller me() {
            return Caller.current().orElseThrow();
        }
    }
}
