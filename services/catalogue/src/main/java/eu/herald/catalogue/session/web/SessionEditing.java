package eu.herald.catalogue.session.web;

import eu.herald.catalogue.audit.AuditTrail;
import eu.herald.catalogue.audit.AuditedChange;
import eu.herald.catalogue.audit.AuditedEntity;
import eu.herald.catalogue.audit.Revision;
import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.session.SessionScheduling;
import eu.herald.catalogue.shared.EntityTags;
import eu.herald.catalogue.shared.OperatorApi;
import eu.herald.problems.NotFound;
import eu.herald.problems.StaleVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' side of the session API: every write, and the preview of a change, in one controller so that
 * securing it is one rule ({@code catalogue:write}); each write is recorded in the audit trail (a preview writes
 * nothing). Every change of an existing session
 * needs {@code If-Match} with the version read. PATCH merges its patch into the body PUT takes and goes on as
 * that PUT would.
 */
@RestController
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@RequestMapping("/api/sessions")
@Tag(name = "sessions (write)", description = "Operators")
class SessionEditing {

    private final SessionScheduling scheduling;
    private final SessionPatches patches;
    private final AuditTrail audit;
    private final JsonMapper json;

    SessionEditing(SessionScheduling scheduling, SessionPatches patches, AuditTrail audit, JsonMapper json) {
        this.scheduling = scheduling;
        this.patches = patches;
        this.audit = audit;
        this.json = json;
    }

    @PostMapping
    @Operation(
            summary = "Create a session",
            description = "Stores a DRAFT at version 1 and announces nothing; with publish=true it is published at"
                    + " once and announced as PUBLISHED.")
    ResponseEntity<SessionView> create(
            @RequestParam(defaultValue = "false") boolean publish, @Valid @RequestBody SessionRequest request) {
        Session session = audit.record(
                AuditedEntity.SESSION,
                AuditedChange.CREATED,
                () -> publish ? scheduling.draftAndPublish(request.details()) : scheduling.draft(request.details()),
                created -> new Revision(created.id().value().toString(), null, created.version()));
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
            description = "Replaces all its details: a member left out is cleared (PATCH changes only the members"
                    + " it names). A change bumps the version; on a published session it is announced"
                    + " once (RESCHEDULED, RELOCATED or UPDATED). No change keeps the version and announces nothing."
                    + " 412 on a stale If-Match, 428 without one, 409 on a cancelled session.")
    ResponseEntity<SessionView> revise(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody SessionRequest request) {
        SessionId sessionId = new SessionId(id);
        return revise(sessionId, requiredVersion(sessionId, ifMatch), request);
    }

    @PatchMapping(path = "/{id}", consumes = SessionPatches.MEDIA_TYPE)
    @Operation(
            summary = "Change some of a session's details",
            description = "A JSON merge patch (RFC 7396) of the body PUT takes: a member present replaces, null"
                    + " removes an optional member, an object such as title merges member by member, an array"
                    + " such as languages is replaced whole. The merged body is then revised exactly as by PUT."
                    + " 400 for a member PUT does not take, for null on start, end or zone, or for a merged"
                    + " session PUT would refuse; 412 on a stale If-Match, 428 without one, 409 on a cancelled"
                    + " session, 415 for another content type.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = SessionPatches.MEDIA_TYPE,
                                            schema = @Schema(implementation = SessionRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "move",
                                                            summary = "Move it to 17:00, keeping everything else",
                                                            value = "{\"start\": \"2022-10-11T17:00\","
                                                                    + " \"end\": \"2022-10-11T18:30\"}"))))
    ResponseEntity<SessionView> amend(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        SessionId sessionId = new SessionId(id);
        Patched patched = patched(sessionId, ifMatch, patch);
        return revise(sessionId, patched.version(), patched.request());
    }

    @PostMapping(path = "/{id}/preview", consumes = SessionPatches.MEDIA_TYPE)
    @Operation(
            summary = "Preview a change of some of a session's details",
            description = "Takes what PATCH takes, and answers what PATCH would do, without doing it: nothing is"
                    + " stored, announced or audited. kind is how the change would be announced (null when"
                    + " nothing changes), changedFields, previous and current what recipients would be told"
                    + " changed, session the session the change would leave (at the version it applies to),"
                    + " announced false for a draft or no change. Refuses what PATCH refuses, in the same way.")
    SessionPreview preview(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        SessionId sessionId = new SessionId(id);
        Patched patched = patched(sessionId, ifMatch, patch);
        return SessionPreview.of(scheduling.preview(sessionId, patched.request().details(), patched.version()), json);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft", description = "Announced as PUBLISHED; 409 unless it is a draft.")
    ResponseEntity<SessionView> publish(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        SessionId sessionId = new SessionId(id);
        int version = requiredVersion(sessionId, ifMatch);
        return audited(AuditedChange.PUBLISHED, version, () -> scheduling.publish(sessionId, version));
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            summary = "Cancel a published session",
            description = "Announced as CANCELLED with the reason; 409 unless it is published.")
    ResponseEntity<SessionView> cancel(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Cancellation cancellation) {
        SessionId sessionId = new SessionId(id);
        int version = requiredVersion(sessionId, ifMatch);
        return audited(
                AuditedChange.CANCELLED, version, () -> scheduling.cancel(sessionId, version, cancellation.reason()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft", description = "409 for a published or cancelled session: cancel it.")
    ResponseEntity<Void> delete(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        SessionId sessionId = new SessionId(id);
        int version = requiredVersion(sessionId, ifMatch);
        audit.recordDeletion(
                AuditedEntity.SESSION, id.toString(), version, () -> scheduling.delete(sessionId, version));
        return ResponseEntity.noContent().build();
    }

    /** PUT and PATCH alike: the whole details, revised from the version the client named. */
    private ResponseEntity<SessionView> revise(SessionId id, int version, SessionRequest request) {
        return audited(AuditedChange.REVISED, version, () -> scheduling.revise(id, request.details(), version));
    }

    /** The whole details a merge patch makes of the version the client read, which must be the current one. */
    private Patched patched(SessionId id, @Nullable String ifMatch, JsonNode patch) {
        int version = requiredVersion(id, ifMatch);
        Session current = find(id);
        // the patch was written against the version it names: merging it into another one could mislead
        StaleVersion.check("session", id, version, current.version());
        return new Patched(version, patches.apply(current, patch));
    }

    /** Without If-Match the refusal names the current version, so the client knows which one to read. */
    private int requiredVersion(SessionId id, @Nullable String ifMatch) {
        return EntityTags.requiredVersion(ifMatch, () -> find(id).version());
    }

    private Session find(SessionId id) {
        return scheduling.find(id).orElseThrow(() -> new NotFound("session", id));
    }

    private ResponseEntity<SessionView> audited(AuditedChange change, int version, Supplier<Session> write) {
        return current(audit.record(
                AuditedEntity.SESSION,
                change,
                write,
                written -> new Revision(written.id().value().toString(), version, written.version())));
    }

    private static ResponseEntity<SessionView> current(Session session) {
        return ResponseEntity.ok().eTag(EntityTags.of(session.version())).body(SessionView.of(session));
    }

    private record Patched(int version, SessionRequest request) {}

    /** @param reason told to everyone who follows the session, e.g. "The speaker is ill" */
    record Cancellation(@Nullable String reason) {}
}
