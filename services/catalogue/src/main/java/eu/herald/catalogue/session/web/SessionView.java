package eu.herald.catalogue.session.web;

import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionDetails;
import eu.herald.catalogue.session.SessionFormat;
import eu.herald.catalogue.session.SessionStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A session as the API shows it: its details plus identity, version, status and derived instants. */
record SessionView(
        UUID id,
        int version,
        SessionStatus status,
        @Nullable UUID eventId,
        String defaultLanguage,
        Map<String, String> title,
        Map<String, String> description,
        LocalDateTime start,
        LocalDateTime end,
        String zone,
        Instant startsAt,
        Instant endsAt,
        @Nullable SessionFormat format,
        @Nullable String venue,
        @Nullable String platform,
        @Nullable String joinLink,
        @Nullable String registrationLink,
        List<String> languages,
        List<String> organisers,
        List<String> themes,
        @Nullable String cancellationReason,
        Instant createdAt,
        Instant updatedAt) {

    static SessionView of(Session session) {
        SessionDetails details = session.details();
        return new SessionView(
                session.id().value(),
                session.version(),
                session.status(),
                details.eventId() == null ? null : details.eventId().value(),
                details.defaultLanguage(),
                details.title().byLanguage(),
                details.description().byLanguage(),
                details.start(),
                details.end(),
                details.zone(),
                details.startsAt(),
                details.endsAt(),
                details.format(),
                details.venue(),
                details.platform(),
                details.joinLink(),
                details.registrationLink(),
                details.languages(),
                details.organisers(),
                details.themes(),
                session.cancellationReason(),
                session.createdAt(),
                session.updatedAt());
    }
}
