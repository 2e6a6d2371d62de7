package eu.herald.catalogue.session;

import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.shared.Texts;
import eu.herald.catalogue.shared.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Column;

/**
 * What an organiser says about a session: everything a revision may replace. Times are local to
 * {@code zone} because that is how sessions are announced ("16:30 Brussels time"); instants are derived.
 *
 * <p>The constructor only normalises (absent lists become empty, themes are sorted and distinct, blank
 * strings are absent); {@link #violations()} tells whether the details may be published.
 */
public record SessionDetails(
        @Nullable EventId eventId,
        String defaultLanguage,
        Texts title,
        Texts description,
        @Column("starts_local") LocalDateTime start,
        @Column("ends_local") LocalDateTime end,
        String zone,
        @Nullable SessionFormat format,
        @Nullable String venue,
        @Nullable String platform,
        @Nullable String joinLink,
        @Nullable String registrationLink,
        List<String> languages,
        List<String> organisers,
        List<String> themes) {

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

    public SessionDetails {
        venue = blankToNull(venue);
        platform = blankToNull(platform);
        joinLink = blankToNull(joinLink);
        registrationLink = blankToNull(registrationLink);
        languages = languages.stream().distinct().toList();
        organisers = List.copyOf(organisers);
        themes = themes.stream().distinct().sorted().toList();
    }

    public Instant startsAt() {
        return start.atZone(ZoneId.of(zone)).toInstant();
    }

    public Instant endsAt() {
        return end.atZone(ZoneId.of(zone)).toInstant();
    }

    /** The rules these details break, by field; empty when they may be published. */
    public List<Violation> violations() {
        var violations = new ArrayList<Violation>();
        if (!Texts.isLanguageTag(defaultLanguage)) {
            violations.add(new Violation("defaultLanguage", "must be a BCP 47 language tag such as en or pt-BR"));
        }
        if (title.in(defaultLanguage).isEmpty()) {
            violations.add(new Violation("title", "must have a text in the default language " + defaultLanguage));
        }
        if (!title.malformedLanguageTags().isEmpty()) {
            violations.add(new Violation("title", "keys must be language tags: " + title.malformedLanguageTags()));
        }
        if (!description.malformedLanguageTags().isEmpty()) {
            violations.add(
                    new Violation("description", "keys must be language tags: " + description.malformedLanguageTags()));
        }
        boolean knownZone = ZoneId.getAvailableZoneIds().contains(zone);
        if (!knownZone) {
            violations.add(new Violation("zone", "must be an IANA time zone such as Europe/Brussels"));
        }
        if (knownZone ? !endsAt().isAfter(startsAt()) : !end.isAfter(start)) {
            violations.add(new Violation("end", "must be after start"));
        }
        if (!isWebLink(joinLink)) {
            violations.add(new Violation("joinLink", "must be an http or https URL"));
        }
        if (!isWebLink(registrationLink)) {
            violations.add(new Violation("registrationLink", "must be an http or https URL"));
        }
        languages.stream()
                .filter(language -> !Texts.isLanguageTag(language))
                .forEach(language -> violations.add(new Violation("languages", "not a language tag: " + language)));
        return violations;
    }

    private static boolean isWebLink(@Nullable String link) {
        if (link == null) {
            return true;
        }
        try {
            URI uri = new URI(link);
            return uri.getScheme() != null
                    && WEB_SCHEMES.contains(uri.getScheme().toLowerCase())
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
