package eu.herald.catalogue.calendar;

import eu.herald.calendar.CalendarEntry;
import eu.herald.calendar.CalendarEntry.Organizer;
import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionDetails;
import eu.herald.catalogue.session.SessionStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A session as a feed's calendar entry, in the reader's language: its title and description, its venue, platform
 * and join link as the location, its themes as categories, and a cancellation's reason ahead of the description.
 */
final class SessionEntries {

    private SessionEntries() {}

    /**
     * @param languages the reader's languages, most preferred first
     * @param themeLabels a theme's label in the reader's language, by slug
     */
    static CalendarEntry entry(
            Session session, List<String> languages, Function<String, String> themeLabels, Organizer organizer) {
        SessionDetails details = session.details();
        String language = languages.stream()
                .filter(candidate -> details.title().in(candidate).isPresent())
                .findFirst()
                .orElse(details.defaultLanguage());
        boolean cancelled = session.status() == SessionStatus.CANCELLED;
        return new CalendarEntry(
                session.id().toString(),
                session.version(),
                cancelled ? CalendarEntry.Status.CANCELLED : CalendarEntry.Status.CONFIRMED,
                session.updatedAt(),
                session.createdAt(),
                details.start(),
                details.end(),
                ZoneId.of(details.zone()),
                details.title()
                        .preferring(List.of(language), details.defaultLanguage())
                        .orElse(""),
                language,
                description(session, languages),
                location(details),
                details.joinLink() != null ? details.joinLink() : details.registrationLink(),
                details.themes().stream().map(themeLabels).toList(),
                organizer);
    }

    private static String description(Session session, List<String> languages) {
        SessionDetails details = session.details();
        String description = details.description()
                .preferring(languages, details.defaultLanguage())
                .orElse("");
        if (session.status() == SessionStatus.CANCELLED) {
            description = ("CANCELLED: " + Objects.requireNonNullElse(session.cancellationReason(), "") + "\n\n"
                            + description)
                    .strip();
        }
        if (details.registrationLink() != null) {
            description = (description + "\n\n" + details.registrationLink()).strip();
        }
        return description;
    }

    private static @Nullable String location(SessionDetails details) {
        var parts = new ArrayList<String>();
        if (details.venue() != null) {
            parts.add(details.venue());
        }
        if (details.platform() != null) {
            parts.add(details.platform());
        }
        if (details.joinLink() != null) {
            parts.add(details.joinLink());
        }
        return parts.isEmpty() ? null : String.join(" | ", parts);
    }

    /** A theme's label in the first of the languages that has one. */
    static Function<String, String> labels(Map<String, Map<String, String>> labelsBySlug, List<String> languages) {
        return slug -> {
            Map<String, String> labels = labelsBySlug.getOrDefault(slug, Map.of());
            return languages.stream()
                    .map(labels::get)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(labels.getOrDefault("en", slug));
        };
    }
}
