package eu.herald.catalogue.session;

import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.shared.Links;
import eu.herald.catalogue.shared.Texts;
import eu.herald.problems.Violation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_NAME = 300;

    public SessionDetails {
        venue = blankToNull(venue);
        platform = blankToNull(platform);
        joinLink = blankToNull(joinLink);
        registrationLink = blankToNull(registrationLink);
        languages = languages.stream().distinct().toList();
        organisers = organisers.stream()
                .filter(organiser -> !organiser.isBlank())
                .map(String::strip)
                .toList();
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
        if (!title.longerThan(MAX_TITLE).isEmpty()) {
            violations.add(new Violation(
                    "title", "must be at most " + MAX_TITLE + " characters in " + title.longerThan(MAX_TITLE)));
        }
        if (!description.longerThan(MAX_DESCRIPTION).isEmpty()) {
            violations.add(new Violation(
                    "description",
                    "must be at most " + MAX_DESCRIPTION + " characters in "
                            + description.longerThan(MAX_DESCRIPTION)));
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
        tooLong("venue", venue, violations);
        tooLong("platform", platform, violations);
        if (organisers.stream().anyMatch(organiser -> organiser.length() > MAX_NAME)) {
            violations.add(new Violation("organisers", "each must be at most " + MAX_NAME + " characters"));
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
        return Links.isWebLinkOrAbsent(link);
    }

    private static void tooLong(String field, @Nullable String value, List<Violation> violations) {
        if (value != null && value.length() > MAX_NAME) {
            violations.add(new Violation(field, "must be at most " + MAX_NAME + " characters"));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
