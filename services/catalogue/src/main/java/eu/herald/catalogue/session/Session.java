package eu.herald.catalogue.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A session of the catalogue at one version. The version counts announced changes: it starts at 1 when
 * the session is published and goes up by one with every revision that changes something, never
 * otherwise; it doubles as the optimistic lock.
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

    /** A session to be published; its version is set to 1 when it is first stored. */
    static Session publish(SessionId id, SessionDetails details, Instant now) {
        return new Session(id, 0, SessionStatus.PUBLISHED, details, null, now, now);
    }

    /** The same session with new details; its version goes up when it is stored. */
    Session revise(SessionDetails revised, Instant now) {
        return new Session(id, version, status, revised, cancellationReason, createdAt, now);
    }
}
