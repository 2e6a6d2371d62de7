package eu.herald.catalogue.event.web;

import eu.herald.catalogue.audit.AuditTrail;
import eu.herald.catalogue.audit.AuditedChange;
import eu.herald.catalogue.audit.AuditedEntity;
import eu.herald.catalogue.audit.Revision;
import eu.herald.catalogue.event.Event;
import eu.herald.catalogue.event.Event.EventDetails;
import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.event.EventProgramme;
import eu.herald.catalogue.event.Events;
import eu.herald.catalogue.event.web.EventController.EventView;
import eu.herald.catalogue.shared.EntityTags;
import eu.herald.catalogue.shared.OperatorApi;
import eu.herald.catalogue.shared.Texts;
import eu.herald.problems.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The operators' side of events. */
@RestController
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@RequestMapping("/api/events")
@Tag(name = "events (write)", description = "Operators")
class EventEditing {

    private final EventProgramme programme;
    private final Events events;
    private final AuditTrail audit;

    EventEditing(EventProgramme programme, Events events, AuditTrail audit) {
        this.programme = programme;
        this.events = events;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Create an event", description = "409 if the slug is taken.")
    ResponseEntity<EventView> create(@Valid @RequestBody EventRequest request) {
        Event event = audit.record(
                AuditedEntity.EVENT,
                AuditedChange.CREATED,
                () -> programme.create(request.details()),
                created -> new Revision(created.id().value().toString(), null, created.version()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(event.id().value())
                .toUri();
        return ResponseEntity.created(location)
                .eTag(EntityTags.of(event.version()))
                .body(EventView.of(event));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an event", description = "If-Match required (428 without, 412 when stale).")
    ResponseEntity<EventView> revise(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody EventRequest request) {
        int version = requiredVersion(new EventId(id), ifMatch);
        Event event = audit.record(
                AuditedEntity.EVENT,
                AuditedChange.REVISED,
                () -> programme.revise(new EventId(id), request.details(), version),
                revised -> new Revision(id.toString(), version, revised.version()));
        return ResponseEntity.ok().eTag(EntityTags.of(event.version())).body(EventView.of(event));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an event", description = "409 while sessions belong to it.")
    ResponseEntity<Void> delete(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        int version = requiredVersion(new EventId(id), ifMatch);
        audit.recordDeletion(
                AuditedEntity.EVENT, id.toString(), version, () -> programme.delete(new EventId(id), version));
        return ResponseEntity.noContent().build();
    }

    /** Without If-Match the refusal names the current version, so the client knows which one to read. */
    private int requiredVersion(EventId id, @Nullable String ifMatch) {
        return EntityTags.requiredVersion(
                ifMatch,
                () -> events.findById(id)
                        .orElseThrow(() -> new NotFound("event", id))
                        .version());
    }

    record EventRequest(
            @Schema(example = "euregionsweek-2023") @NotBlank @Nullable
            String slug,

            @Schema(example = "{\"en\": \"21st European Week of Regions and Cities\"}") @Nullable
            Map<String, String> name,

            @Nullable Integer edition,

            @Schema(example = "2023-10-09") @NotNull @Nullable
            LocalDate startsOn,

            @Schema(example = "2023-10-12") @NotNull @Nullable
            LocalDate endsOn,

            @Schema(example = "Europe/Brussels") @NotBlank @Nullable
            String zone,

            @Nullable String place,
            @Schema(example = "#EURegionsWeek") @Nullable String hashtag,

            @Schema(example = "https://euregionsweek.eu") @Nullable
            String website,

            @Nullable List<String> themes) {

        /** Only called once bean validation passed. */
        EventDetails details() {
            return new EventDetails(
                    Objects.requireNonNull(slug),
                    Texts.of(name),
                    edition,
                    Objects.requireNonNull(startsOn),
                    Objects.requireNonNull(endsOn),
                    Objects.requireNonNull(zone),
                    place,
                    hashtag,
                    website,
                    themes == null
                            ? List.of()
                            : themes.stream().filter(Objects::nonNull).toList());
        }
    }
}
