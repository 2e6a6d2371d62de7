package eu.herald.catalogue.session.web;

import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.session.SessionScheduling;
import eu.herald.catalogue.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final SessionScheduling scheduling;

    SessionController(SessionScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @PostMapping
    @Operation(summary = "Publish a session", description = "Stores it at version 1 and announces it as PUBLISHED.")
    ResponseEntity<SessionView> publish(@Valid @RequestBody SessionRequest request) {
        Session session = scheduling.publish(request.details());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(session.id().value())
                .toUri();
        return ResponseEntity.created(location)
                .eTag(EntityTags.of(session.version()))
                .body(SessionView.of(session));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Revise a session",
            description = "Replaces its details. A change bumps the version and is announced once "
                    + "(RESCHEDULED, RELOCATED or UPDATED); no change keeps the version and announces nothing. "
                    + "An If-Match naming another version is refused with 412.")
    ResponseEntity<SessionView> revise(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody SessionRequest request) {
        Session session = scheduling.revise(new SessionId(id), request.details(), EntityTags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(EntityTags.of(session.version())).body(SessionView.of(session));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A session at its current version")
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
    @Operation(summary = "Sessions, in the order they were created")
    PagedModel<SessionView> sessions(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new PagedModel<>(scheduling.list(page, size).map(SessionView::of));
    }
}
