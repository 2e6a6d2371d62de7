package eu.herald.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

        /** Forms that reached a handler, each as its parameters: what a refused form must not add to. */
        final List<Map<String, List<String>>> forms = new CopyOnWriteArrayList<>();

        @PostMapping(value = "/api/forms", consumes = "application/x-www-form-urlencoded")
        Map<String, List<String>> form(HttpServletRequest request) {
            Map<String, List<String>> form = new TreeMap<>();
            request.getParameterMap().forEach((name, values) -> form.put(name, List.of(values)));
            forms.add(form);
            return form;
        }

        @GetMapping("/api/me")
        Caller me() {
            return Caller.current().orElseThrow();
        }
    }
}
