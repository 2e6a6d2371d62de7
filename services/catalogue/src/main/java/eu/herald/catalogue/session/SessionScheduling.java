package eu.herald.catalogue.session;

import eu.herald.catalogue.event.Event;
import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.event.Events;
import eu.herald.catalogue.shared.Texts;
import eu.herald.catalogue.theme.Themes;
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
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts, publishes, revises and cancels sessions. Every stored change of a session that is no longer a
 * draft raises exactly one {@link SessionChanged} in the same transaction; a write that changes nothing
 * stores nothing and raises nothing. Each change must name the version it is based on.
 */
@Service
@Transactional
public class SessionScheduling {

    private final Sessions sessions;
    private final SessionSearch search;
    private final Themes themes;
    private final Events events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SessionScheduling(
            Sessions sessions,
            SessionSearch search,
            Themes themes,
            Events events,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.sessions = sessions;
        this.search = search;
        this.themes = themes;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Stores a new draft at version 1; nothing is announced until it is published. */
    public Session draft(SessionDetails details) {
        refuseIfInvalid(details);
        return sessions.save(Session.draft(SessionId.random(), details, now()));
    }

    /** Stores a new session and publishes it at once, at version 1. */
    public Session draftAndPublish(SessionDetails details) {
        refuseIfInvalid(details);
        Instant now = now();
        Session published =
                sessions.save(Session.draft(SessionId.random(), details, now).publish(now));
        publisher.publishEvent(SessionChanged.published(published, eventName(published), now));
        return published;
    }

    /**
     * Replaces the details of a draft or published session.
     *
     * @return the session at its new version, or unchanged when the details are the same
     */
    public Session revise(SessionId id, SessionDetails details, int expectedVersion) {
        SessionRevision revision = revision(id, details, expectedVersion);
        SessionChange change = revision.change();
        if (change == null) {
            return revision.current();
        }
        Session revised = sessions.save(revision.revised());
        if (revision.announced()) {
            publisher.publishEvent(SessionChanged.revised(revised, eventName(revised), change, revised.updatedAt()));
        }
        return revised;
    }

    /**
     * What {@link #revise} would do with these details, refusing what it would refuse, without doing it:
     * nothing is stored, announced or recorded.
     */
    @Transactional(readOnly = true)
    public SessionRevision preview(SessionId id, SessionDetails details, int expectedVersion) {
        return revision(id, details, expectedVersion);
    }

    /** Publishes a draft: from now on every change is announced. */
    public Session publish(SessionId id, int expectedVersion) {
        Session current = current(id, expectedVersion);
        if (!current.isDraft()) {
            throw new Conflict("The session " + id + " is " + current.status() + "; only a draft can be published");
        }
        // the taxonomy or the event may have changed since the draft was written
        refuseIfInvalid(current.details());
        Instant now = now();
        Session published = sessions.save(current.publish(now));
        publisher.publishEvent(SessionChanged.published(published, eventName(published), now));
        return published;
    }

    /** Cancels a published session, telling why; a cancelled session stays visible but can no longer change. */
    public Session cancel(SessionId id, int expectedVersion, @Nullable String reason) {
        Session current = current(id, expectedVersion);
        if (current.status() != SessionStatus.PUBLISHED) {
            throw new Conflict("The session " + id + " is " + current.status()
                    + "; only a published session can be cancelled (a draft is deleted)");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > Session.MAX_CANCELLATION_REASON) {
            throw new InvalidInput(
                    "The cancellation is invalid",
                    List.of(new Violation(
                            "reason", "must be given, at most " + Session.MAX_CANCELLATION_REASON + " characters")));
        }
        Instant now = now();
        Session cancelled = sessions.save(current.cancel(why, now));
        publisher.publishEvent(SessionChanged.cancelled(current, cancelled, eventName(cancelled), now));
        return cancelled;
    }

    /** Deletes a draft, which nobody was told about; published sessions are cancelled instead. */
    public void delete(SessionId id, int expectedVersion) {
        Session current = current(id, expectedVersion);
        if (!current.isDraft()) {
            throw new Conflict(
                    "The session " + id + " is " + current.status() + "; only a draft can be deleted (cancel it)");
        }
        sessions.delete(current);
    }

    @Transactional(readOnly = true)
    public Optional<Session> find(SessionId id) {
        return sessions.findById(id);
    }

    /** A page of the matching sessions, by start time, then in the order they were created. */
    @Transactional(readOnly = true)
    public Page<Session> search(SessionFilter filter, int page, int size) {
        return search.page(filter, page, size);
    }

    /** Every matching session, in the order of {@link #search}. */
    @Transactional(readOnly = true)
    public List<Session> all(SessionFilter filter) {
        return search.all(filter);
    }

    /** The revision {@link #revise} stores and {@link #preview} shows. */
    private SessionRevision revision(SessionId id, SessionDetails details, int expectedVersion) {
        Session current = current(id, expectedVersion);
        if (current.status() == SessionStatus.CANCELLED) {
            throw new Conflict("The session " + id + " is cancelled; it can no longer be changed");
        }
        refuseIfInvalid(details);
        return SessionChange.between(current.details(), details)
                .map(change -> new SessionRevision(current, current.revise(details, now()), change))
                .orElseGet(() -> new SessionRevision(current, current, null));
    }

    private Session current(SessionId id, int expectedVersion) {
        Session current = sessions.findById(id).orElseThrow(() -> new NotFound("session", id));
        StaleVersion.check("session", id, expectedVersion, current.version());
        return current;
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

    /** The name of the session's event, so that what is announced names it without a lookup on the other side. */
    private @Nullable Texts eventName(Session session) {
        EventId event = session.details().eventId();
        return event == null ? null : events.findById(event).map(Event::name).orElse(null);
    }

    /** Truncated to what PostgreSQL stores, so the announced time equals the stored one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
