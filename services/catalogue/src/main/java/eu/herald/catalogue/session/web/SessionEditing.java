package eu.herald.catalogue.session.web;

import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.session.SessionScheduling;
import eu.herald.catalogue.shared.EntityTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The operators' side of the session API: every write, in one controller so that securing it (a later
 * issue) is one rule. Every change of an existing session needs {@code If-Match} with the version read.
 */
@RestController
@RequestMapping("/api/sessions")
@Tag(name = "sessions (write)", description = "Operators")
class SessionEditing {

    private final SessionScheduling scheduling;

    SessionEditing(SessionScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @PostMapping
    @Operation(
            summary = "Create a session",
            description = "Stores a DRAFT at version 1 and announces nothing; with publish=true it is published at"
                    + " once and announced as PUBLISHED.")
    ResponseEntity<SessionView> create(
            @RequestParam(defaultValue = "false") boolean publish, @Valid @RequestBody SessionRequest request) {
        Session session = publish ? scheduling.draftAndPublish(request.details()) : scheduling.draft(request.details());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(session.id().value())
                .toUri();
        return ResponseEntity.created(location)
                .eTag(EntityTags.of(session.version()))
                .body(SessionView.of(session));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change a session",
            description = "Replaces its details. A change bumps the version; on a published session it is announced"
                    + " once (RESCHEDULED, RELOCATED or UPDATED). No change keeps the version and announces nothing."
                    + " 412 on a stale If-Match, 428 without one, 409 on a cancelled session.")
    ResponseEntity<SessionView> revise(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody SessionRequest request) {
        return current(scheduling.revise(new SessionId(id), request.details(), EntityTags.requiredVersion(ifMatch)));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft", description = "Announced as PUBLISHED; 409 unless it is a draft.")
    ResponseEntity<SessionView> publish(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return current(scheduling.publish(new SessionId(id), EntityTags.requiredVersion(ifMatch)));
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            summary = "Cancel a published session",
            description = "Announced as CANCELLED with the reason; 409 unless it is published.")
    ResponseEntity<SessionView> cancel(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Cancellation cancellation) {
        return current(
                scheduling.cancel(new SessionId(id), EntityTags.requiredVersion(ifMatch), cancellation.reason()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft", description = "409 for a published or cancelled session: cancel it.")
    ResponseEntity<Void> delete(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        scheduling.delete(new SessionId(id), EntityTags.requiredVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<SessionView> current(Session session) {
        return ResponseEntity.ok().eTag(EntityTags.of(session.version())).body(SessionView.of(session));
    }

    /** @param reason told to everyone who follows the session, e.g. "The speaker is ill" */
    record Cancellation(@Nullable String reason) {}
}
