package eu.herald.catalogue.session.web;

import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionFilter;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.session.SessionScheduling;
import eu.herald.catalogue.session.SessionStatus;
import eu.herald.catalogue.shared.EntityTags;
import eu.herald.problems.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The public, read-only side of the session API. */
@RestController
@RequestMapping("/api/sessions")
@Tag(name = "sessions (read)", description = "Public")
class SessionReading {

    private final SessionScheduling scheduling;

    SessionReading(SessionScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A session at its current version, with the version as ETag (If-None-Match gives 304)")
    @Nullable
    ResponseEntity<SessionView> session(@PathVariable UUID id, WebRequest request) {
        SessionId sessionId = new SessionId(id);
        Session session = scheduling.find(sessionId).orElseThrow(() -> new NotFound("session", sessionId));
        String tag = EntityTags.of(session.version());
        if (request.checkNotModified(tag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(tag).body(SessionView.of(session));
    }

    @GetMapping
    @Operation(
            summary = "Search sessions",
            description = "Every criterion is optional. Ordered by start instant, then creation, then id, so pages"
                    + " are stable.")
    PagedModel<SessionView> sessions(
            @Parameter(description = "event id") @RequestParam(required = false) @Nullable UUID event,
            @Parameter(description = "theme slug") @RequestParam(required = false) @Nullable String theme,
            @Parameter(description = "statuses, e.g. status=PUBLISHED&status=CANCELLED")
                    @RequestParam(required = false)
                    @Nullable
                    List<SessionStatus> status,
            @Parameter(description = "first local start date, inclusive", example = "2022-10-10")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate from,
            @Parameter(description = "last local start date, inclusive", example = "2022-10-13")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var filter = new SessionFilter(
                event == null ? null : new EventId(event),
                theme,
                status == null ? Set.of() : Set.copyOf(status),
                from,
                to);
        return new PagedModel<>(scheduling.search(filter, page, size).map(SessionView::of));
    }
}
