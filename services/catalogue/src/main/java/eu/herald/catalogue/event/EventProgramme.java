package eu.herald.catalogue.event;

import eu.herald.catalogue.event.Event.EventDetails;
import eu.herald.catalogue.shared.Links;
import eu.herald.catalogue.theme.Themes;
import eu.herald.problems.Conflict;
import eu.herald.problems.InvalidInput;
import eu.herald.problems.NotFound;
import eu.herald.problems.StaleVersion;
import eu.herald.problems.Violation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, revises and deletes events. Events are not announced: their sessions are. */
@Service
@Transactional
public class EventProgramme {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]{1,99}");
    private static final int MAX_TEXT = 300;

    private final Events events;
    private final EventStore store;
    private final Themes themes;
    private final JdbcClient jdbc;

    EventProgramme(Events events, EventStore store, Themes themes, JdbcClient jdbc) {
        this.events = events;
        this.store = store;
        this.themes = themes;
        this.jdbc = jdbc;
    }

    public Event create(EventDetails details) {
        refuseIfInvalid(details);
        if (store.existsBySlug(details.slug())) {
            throw new Conflict("An event " + details.slug() + " exists already");
        }
        return store.save(new Event(new EventId(UUID.randomUUID()), 0, details));
    }

    /** Replaces the details; the same details store nothing. */
    public Event revise(EventId id, EventDetails details, int expectedVersion) {
        Event current = current(id, expectedVersion);
        refuseIfInvalid(details);
        if (current.details().equals(details)) {
            return current;
        }
        if (!current.slug().equals(details.slug()) && store.existsBySlug(details.slug())) {
            throw new Conflict("An event " + details.slug() + " exists already");
        }
        return store.save(new Event(id, current.version(), details));
    }

    /** Deletes an event that no session belongs to any more. */
    public void delete(EventId id, int expectedVersion) {
        Event current = current(id, expectedVersion);
        boolean inUse = jdbc.sql("select exists(select 1 from session where event_id = :id)")
                .param("id", id.value())
                .query(Boolean.class)
                .single();
        if (inUse) {
            throw new Conflict("The event " + id + " still has sessions; move or delete them first");
        }
        store.delete(current);
    }

    private Event current(EventId id, int expectedVersion) {
        Event current = events.findById(id).orElseThrow(() -> new NotFound("event", id));
        StaleVersion.check("event", id, expectedVersion, current.version());
        return current;
    }

    private void refuseIfInvalid(EventDetails details) {
        var violations = new ArrayList<Violation>();
        if (details.slug().length() > 100 || !SLUG.matcher(details.slug()).matches()) {
            violations.add(new Violation("slug", "must be lower-case words joined by hyphens"));
        }
        if (details.name().isEmpty()) {
            violations.add(new Violation("name", "must have a text in at least one language"));
        }
        if (!details.name().malformedLanguageTags().isEmpty()) {
            violations.add(new Violation(
                    "name", "keys must be language tags: " + details.name().malformedLanguageTags()));
        }
        if (!details.name().longerThan(MAX_TEXT).isEmpty()) {
            violations.add(new Violation("name", "must be at most " + MAX_TEXT + " characters"));
        }
        if (details.edition() != null && details.edition() < 1) {
            violations.add(new Violation("edition", "must be positive"));
        }
        if (details.endsOn().isBefore(details.startsOn())) {
            violations.add(new Violation("endsOn", "must not be before startsOn"));
        }
        if (!ZoneId.getAvailableZoneIds().contains(details.zone())) {
            violations.add(new Violation("zone", "must be an IANA time zone such as Europe/Brussels"));
        }
        if (details.place() != null && details.place().length() > MAX_TEXT) {
            violations.add(new Violation("place", "must be at most " + MAX_TEXT + " characters"));
        }
        if (details.hashtag() != null && !HASHTAG.matcher(details.hashtag()).matches()) {
            violations.add(new Violation("hashtag", "must be # and up to 99 letters, digits or underscores"));
        }
        if (!Links.isWebLinkOrAbsent(details.website())) {
            violations.add(new Violation("website", "must be an http or https URL"));
        }
        Set<String> unknown = themes.unknown(details.themes());
        if (!unknown.isEmpty()) {
            violations.add(new Violation("themes", "unknown themes: " + unknown));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput("The event is invalid", violations);
        }
    }
}
