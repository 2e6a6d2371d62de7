package eu.herald.problems.example;

import eu.herald.problems.Conflict;
import eu.herald.problems.InvalidInput;
import eu.herald.problems.NotFound;
import eu.herald.problems.PreconditionRequired;
import eu.herald.problems.StaleVersion;
import eu.herald.problems.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
class ExampleApplication {

    static final UUID KNOWN = UUID.fromString("5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11");

    enum Platform {
        ZOOM,
        TEAMS
    }

    record Venue(@Nullable Platform platform, @Nullable LocalDate on) {}

    record Session(
            @NotBlank String title,
            @Positive int seats,
            @Nullable Venue venue,
            @Nullable Map<String, String> titles,
            @Nullable List<UUID> endpoints) {}

    @RestController
    static class Sessions {

        @PostMapping("/api/sessions")
        Session create(@Valid @RequestBody Session session) {
            return session;
        }

        @GetMapping("/api/sessions/{id}")
        Map<String, UUID> read(@PathVariable UUID id) {
            if (!KNOWN.equals(id)) {
                throw new NotFound("session", id);
            }
            return Map.of("id", id);
        }

        @GetMapping("/api/sessions")
        List<Platform> search(@RequestParam Platform platform, @RequestParam(defaultValue = "10") @Max(50) int size) {
            return List.of(platform);
        }

        @PutMapping("/api/sessions/{id}")
        Map<String, UUID> change(
                @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
            if (ifMatch == null) {
                throw new PreconditionRequired(3);
            }
            StaleVersion.check("session", id, Integer.parseInt(ifMatch.replace("\"", "")), 3);
            return Map.of("id", id);
        }

        @PostMapping("/api/sessions/{id}/publication")
        void publish(@PathVariable UUID id) {
            throw new Conflict("The session " + id + " is cancelled; it can no longer be changed");
        }

        @PostMapping("/api/subscriptions")
        void subscribe() {
            throw new Conflict("selector", "The municipality already follows THEME green-transition");
        }

        @PostMapping("/api/events")
        void createEvent() {
            throw new InvalidInput(
                    "The event is invalid",
                    List.of(
                            new Violation("zone", "must be an IANA time zone such as Europe/Brussels"),
                            new Violation("endsOn", "must not be before startsOn")));
        }

        @GetMapping("/api/broken")
        void broken() {
            throw new IllegalStateException("connection to smtp://herald:s3cret@relay.example refused");
        }
    }
}
