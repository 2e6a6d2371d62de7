package eu.herald.catalogue.theme;

import eu.herald.catalogue.shared.Texts;
import eu.herald.problems.Conflict;
import eu.herald.problems.InvalidInput;
import eu.herald.problems.NotFound;
import eu.herald.problems.StaleVersion;
import eu.herald.problems.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, relabels and retires themes. Every change raises one {@link ThemeChanged} in its transaction, so
 * other services learn the taxonomy from {@code catalogue.themes.v1} without calling the catalogue.
 */
@Service
@Transactional
public class ThemeTaxonomy {

    /** Every service shows themes in these languages, so every theme must have a label in each. */
    static final List<String> REQUIRED_LANGUAGES = List.of("en", "pl", "pt");

    static final int MAX_LABEL = 100;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG = 64;

    private final Themes themes;
    private final ThemeStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ThemeTaxonomy(Themes themes, ThemeStore store, JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock) {
        this.themes = themes;
        this.store = store;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Theme create(String slug, Texts labels) {
        var violations = new ArrayList<Violation>();
        if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
            violations.add(new Violation(
                    "slug", "must be lower-case words joined by hyphens, at most " + MAX_SLUG + " characters"));
        }
        violations.addAll(labelViolations(labels));
        if (!violations.isEmpty()) {
            throw new InvalidInput("The theme is invalid", violations);
        }
        if (themes.existsById(slug)) {
            throw new Conflict("A theme " + slug + " exists already");
        }
        Theme created = store.save(new Theme(slug, labels, 0));
        announce(created, false);
        return created;
    }

    /** Replaces the labels; the same labels store and announce nothing. */
    public Theme relabel(String slug, Texts labels, int expectedVersion) {
        Theme current = current(slug, expectedVersion);
        List<Violation> violations = labelViolations(labels);
        if (!violations.isEmpty()) {
            throw new InvalidInput("The theme is invalid", violations);
        }
        if (current.labels().equals(labels)) {
            return current;
        }
        Theme relabelled = store.save(new Theme(slug, labels, current.version()));
        announce(relabelled, false);
        return relabelled;
    }

    /**
     * Deletes a theme no session or event uses any more, and announces it as retired (not as a tombstone:
     * consumers keep knowing the slug existed, and its labels for what they already sent).
     */
    public void retire(String slug, int expectedVersion) {
        Theme current = current(slug, expectedVersion);
        boolean inUse = jdbc.sql("""
                        select exists(select 1 from session where :slug = any(themes))
                            or exists(select 1 from event where :slug = any(themes))
                        """).param("slug", slug).query(Boolean.class).single();
        if (inUse) {
            throw new Conflict("The theme " + slug + " is still used by sessions or events; remove it from them first");
        }
        store.delete(current);
        announce(current, true);
    }

    private Theme current(String slug, int expectedVersion) {
        Theme current = themes.findById(slug).orElseThrow(() -> new NotFound("theme", slug));
        StaleVersion.check("theme", slug, expectedVersion, current.version());
        return current;
    }

    private void announce(Theme theme, boolean retired) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        publisher.publishEvent(
                new ThemeChanged(UUID.randomUUID(), theme.slug(), theme.labels().byLanguage(), retired, now));
    }

    private static List<Violation> labelViolations(Texts labels) {
        var violations = new ArrayList<Violation>();
        List<String> missing = REQUIRED_LANGUAGES.stream()
                .filter(language -> labels.in(language).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            violations.add(new Violation("labels", "must have a label in " + missing));
        }
        if (!labels.malformedLanguageTags().isEmpty()) {
            violations.add(new Violation("labels", "keys must be language tags: " + labels.malformedLanguageTags()));
        }
        if (!labels.longerThan(MAX_LABEL).isEmpty()) {
            violations.add(new Violation(
                    "labels", "must be at most " + MAX_LABEL + " characters in " + labels.longerThan(MAX_LABEL)));
        }
        return violations;
    }
}
