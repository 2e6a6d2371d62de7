package eu.herald.catalogue.session;

import eu.herald.catalogue.event.Events;
import eu.herald.catalogue.shared.InvalidInput;
import eu.herald.catalogue.shared.NotFound;
import eu.herald.catalogue.shared.StaleVersion;
import eu.herald.catalogue.shared.Violation;
import eu.herald.catalogue.theme.Themes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes and revises sessions. Every stored change raises exactly one {@link SessionChanged} in the
 * same transaction; a revision that changes nothing stores nothing and raises nothing.
 */
@Service
@Transactional
public class SessionScheduling {

    private static final Sort LISTING_ORDER = Sort.by("createdAt", "id");

    private final Sessions sessions;
    private final Themes themes;
    private final Events events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SessionScheduling(
            Sessions sessions, Themes themes, Events events, ApplicationEventPublisher publisher, Clock clock) {
        this.sessions = sessions;
        this.themes = themes;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Session publish(SessionDetails details) {
        refuseIfInvalid(details);
        Instant now = now();
        Session published = sessions.save(Session.publish(SessionId.random(), details, now));
        publisher.publishEvent(SessionChanged.published(published, now));
        return published;
    }

    /**
     * Replaces the details of a session.
     *
     * @param expectedVersion the version the client based its revision on, or null when it did not say
     * @return the session at its new version, or unchanged when the details are the same
     */
    public Session revise(SessionId id, SessionDetails details, @Nullable Integer expectedVersion) {
        Session current = sessions.findById(id).orElseThrow(() -> new NotFound("session", id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersion("session", id, current.version());
        }
        refuseIfInvalid(details);
        Optional<SessionChange> change = SessionChange.between(current.details(), details);
        if (change.isEmpty()) {
            return current;
        }
        Instant now = now();
        Session revised = sessions.save(current.revise(details, now));
        publisher.publishEvent(SessionChanged.revised(revised, change.get(), now));
        return revised;
    }

    @Transactional(readOnly = true)
    public Optional<Session> find(SessionId id) {
        return sessions.findById(id);
    }

    /** A page of sessions in the order they were created, so pages do not shift as sessions are revised. */
    @Transactional(readOnly = true)
    public Page<Session> list(int page, int size) {
        return sessions.findAll(PageRequest.of(page, size, LISTING_ORDER));
    }

    private void refuseIfInvalid(SessionDetails details) {
        List<Violation> violations = new ArrayList<>(details.violations());
        if (details.eventId() != null && !events.existsById(details.eventId())) {
            violations.add(new Violation("eventId", "no event with id " + details.eventId()));
        }
        Set<String> unknownThemes = themes.unknown(details.themes());
        if (!unknownThemes.isEmpty()) {
            violations.add(new Violation("themes", "unknown themes: " + unknownThemes));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput("The session is invalid", violations);
        }
    }

    /** Truncated to what PostgreSQL stores, so the announced time equals the stored one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
