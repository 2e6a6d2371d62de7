package eu.herald.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

        /** The names of the things created, in order: what a refused request must not add to. */
        final List<String> created = new CopyOnWriteArrayList<>();

        /** Says how the body came (a length or chunked), so a test can tell that it sent what it meant to. */
        @PostMapping("/api/things")
        Map<String, String> create(@RequestBody Map<String, String> thing, HttpServletRequest request) {
            String name = thing.getOrDefault("name", "");
            created.add(name);
            String chunked = String.valueOf(request.getHeader("Transfer-Encoding"));
            return Map.of("created", name, "transferEncoding", chunked);
        }

        @GetMapping("/api/me")
        Caller me() {
            return Caller.current().orElseThrow();
        }
    }
}
