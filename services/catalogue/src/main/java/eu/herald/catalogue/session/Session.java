package eu.herald.catalogue.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A session of the catalogue at one version. The version counts stored changes: it is 1 when the session
 * is created (as a draft, or published at once) and goes up by one with every write that changes
 * something (editing a draft, publishing, revising, cancelling), never otherwise; it is the entity tag and
 * the optimistic lock. Only changes of a session that is no longer a draft are announced.
 */
@Table("session")
public record Session(
        @Id SessionId id,
        @Version int version,
        SessionStatus status,
        @Embedded.Empty SessionDetails details,
        @Nullable String cancellationReason,
        Instant createdAt,
        Instant updatedAt) {

    static final int MAX_CANCELLATION_REASON = 2000;

    /** A new draft; its version is set to 1 when it is first stored. */
    static Session draft(SessionId id, SessionDetails details, Instant now) {
        return new Session(id, 0, SessionStatus.DRAFT, details, null, now, now);
    }

    /** The same session with new details; its version goes up when it is stored. */
    Session revise(SessionDetails revised, Instant now) {
        return new Session(id, version, status, revised, cancellationReason, createdAt, now);
    }

    Session publish(Instant now) {
        return new Session(id, version, SessionStatus.PUBLISHED, details, null, createdAt, now);
    }

    Session cancel(String reason, Instant now) {
        return new Session(id, version, SessionStatus.CANCELLED, details, reason, createdAt, now);
    }

    boolean isDraft() {
        return status == SessionStatus.DRAFT;
    }
}
