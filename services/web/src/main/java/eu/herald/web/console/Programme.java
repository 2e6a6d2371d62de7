package eu.herald.web.console;

import eu.herald.web.api.Services;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The catalogue's programme as the console reads and changes it, and the audience subscriptions counts for a change.
 * Every change names the version read ({@code If-Match}), so that no operator overwrites another's change unseen.
 */
@Component
public class Programme {

    static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;

    private final Services services;

    Programme(Services services) {
        this.services = services;
    }

    public List<Event> events() {
        return Objects.requireNonNull(services.catalogue()
                .get()
                .uri("/api/events")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Event>>() {}));
    }

    public Event event(UUID id) {
        return Objects.requireNonNull(services.catalogue()
                .get()
                .uri("/api/events/{id}", id)
                .retrieve()
                .body(Event.class));
    }

    /** Every session of an event, by start: the catalogue's search, page after page. */
    public List<Session> sessionsOf(UUID event) {
        List<Session> sessions = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Paged<Session> found = Objects.requireNonNull(services.catalogue()
                    .get()
                    .uri("/api/sessions?event={event}&page={page}&size={size}", event, page, PAGE)
                    .retrieve()
                    .body(new ParameterizedTypeReference<Paged<Session>>() {}));
            sessions.addAll(found.content());
            if (!found.hasAfter(page)) {
                break;
            }
        }
        return sessions;
    }

    public Session session(UUID id) {
        return Objects.requireNonNull(services.catalogue()
                .get()
                .uri("/api/sessions/{id}", id)
                .retrieve()
                .body(Session.class));
    }

    public List<Theme> themes() {
        return Objects.requireNonNull(services.catalogue()
                .get()
                .uri("/api/themes")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Theme>>() {}));
    }

    /** Each theme's label in the page's language, by slug. */
    public Map<String, String> themeLabels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        themes().forEach(theme -> labels.put(theme.slug(), theme.label(locale)));
        return labels;
    }

    /** What the merge patch would change, computed by the catalogue, which saves nothing. */
    public Preview preview(UUID id, int version, Map<String, @Nullable Object> patch) {
        return Objects.requireNonNull(services.catalogue()
                .post()
                .uri("/api/sessions/{id}/preview", id)
                .header(HttpHeaders.IF_MATCH, tag(version))
                .contentType(MERGE_PATCH)
                .body(patch)
                .retrieve()
                .body(Preview.class));
    }

    public Session amend(UUID id, int version, Map<String, @Nullable Object> patch) {
        return Objects.requireNonNull(services.catalogue()
                .patch()
                .uri("/api/sessions/{id}", id)
                .header(HttpHeaders.IF_MATCH, tag(version))
                .contentType(MERGE_PATCH)
                .body(patch)
                .retrieve()
                .body(Session.class));
    }

    public Session publish(UUID id, int version) {
        return Objects.requireNonNull(services.catalogue()
                .post()
                .uri("/api/sessions/{id}/publish", id)
                .header(HttpHeaders.IF_MATCH, tag(version))
                .retrieve()
                .body(Session.class));
    }

    public Session cancel(UUID id, int version, String reason) {
        return Objects.requireNonNull(services.catalogue()
                .post()
                .uri("/api/sessions/{id}/cancel", id)
                .header(HttpHeaders.IF_MATCH, tag(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", reason))
                .retrieve()
                .body(Session.class));
    }

    /** Whom the change of that kind to the session as it would be would reach: a dry run that sends nothing. */
    public Audience audience(Session after, String kind) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("sessionId", after.id());
        body.put("eventId", after.eventId());
        body.put("themes", after.themes());
        body.put("kind", kind);
        return Objects.requireNonNull(services.subscriptions()
                .post()
                .uri("/api/audience")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Audience.class));
    }

    private static String tag(int version) {
        return "\"" + version + "\"";
    }
}
