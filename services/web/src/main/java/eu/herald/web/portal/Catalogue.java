package eu.herald.web.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.Services;
import eu.herald.web.i18n.Localized;
import java.text.Collator;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The catalogue's names for what subscriptions and deliveries point at by slug or id: theme labels, event names,
 * session titles, in the page's language. What the catalogue no longer has is named by none (the page says so).
 */
@Component
public class Catalogue {

    /** Something to pick in a list: its slug or id, and its name in the page's language. */
    public record Option(String value, String label) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Theme(String slug, Map<String, String> labels) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(UUID id, Map<String, String> name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(
            UUID id, Map<String, String> title, @Nullable LocalDateTime start) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sessions(List<Session> content) {}

    private final Services services;

    Catalogue(Services services) {
        this.services = services;
    }

    /** The taxonomy, by label. */
    public List<Option> themes(Locale locale) {
        List<Theme> themes = services.catalogue()
                .get()
                .uri("/api/themes")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Theme>>() {});
        return sorted(
                Objects.requireNonNullElse(themes, List.<Theme>of()).stream()
                        .map(theme -> new Option(theme.slug(), label(theme.labels(), theme.slug(), locale)))
                        .toList(),
                locale);
    }

    /** Every event, by name. */
    public List<Option> events(Locale locale) {
        List<Event> events = services.catalogue()
                .get()
                .uri("/api/events")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Event>>() {});
        return sorted(
                Objects.requireNonNullElse(events, List.<Event>of()).stream()
                        .map(event -> new Option(
                                event.id().toString(),
                                label(event.name(), event.id().toString(), locale)))
                        .toList(),
                locale);
    }

    /** The first hundred sessions by start, as the catalogue orders them, each with its local start date. */
    public List<Option> sessions(Locale locale) {
        DateTimeFormatter day =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Localized.regional(locale));
        Sessions sessions = services.catalogue()
                .get()
                .uri("/api/sessions?size=100")
                .retrieve()
                .body(Sessions.class);
        return sessions == null
                ? List.of()
                : sessions.content().stream()
                        .map(session -> new Option(
                                session.id().toString(),
                                label(session.title(), session.id().toString(), locale)
                                        + (session.start() == null ? "" : " (" + day.format(session.start()) + ")")))
                        .toList();
    }

    /** Session titles by id; a session the catalogue no longer has is left out. */
    public Map<UUID, String> sessionTitles(Iterable<UUID> ids, Locale locale) {
        Map<UUID, String> titles = new HashMap<>();
        for (UUID id : ids) {
            if (titles.containsKey(id)) {
                continue;
            }
            try {
                Session session = services.catalogue()
                        .get()
                        .uri("/api/sessions/{id}", id)
                        .retrieve()
                        .body(Session.class);
                if (session != null) {
                    titles.put(id, label(session.title(), id.toString(), locale));
                }
            } catch (ApiProblem gone) {
                if (!gone.isNotFound()) {
                    throw gone;
                }
            }
        }
        return titles;
    }

    public static Map<String, String> byValue(List<Option> options) {
        Map<String, String> labels = new LinkedHashMap<>();
        options.forEach(option -> labels.put(option.value(), option.label()));
        return labels;
    }

    private static String label(@Nullable Map<String, String> texts, String fallback, Locale locale) {
        return Objects.requireNonNullElse(Localized.pick(texts, locale), fallback);
    }

    private static List<Option> sorted(List<Option> options, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return options.stream()
                .sorted(Comparator.comparing(Option::label, collator))
                .toList();
    }
}
