package eu.herald.catalogue.theme.web;

import eu.herald.catalogue.audit.AuditTrail;
import eu.herald.catalogue.audit.AuditedChange;
import eu.herald.catalogue.audit.AuditedEntity;
import eu.herald.catalogue.audit.Revision;
import eu.herald.catalogue.shared.EntityTags;
import eu.herald.catalogue.shared.OperatorApi;
import eu.herald.catalogue.theme.Theme;
import eu.herald.catalogue.theme.ThemeTaxonomy;
import eu.herald.catalogue.theme.Themes;
import eu.herald.catalogue.theme.web.ThemeController.ThemeRequest;
import eu.herald.catalogue.theme.web.ThemeController.ThemeView;
import eu.herald.problems.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Objects;
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

/** The operators' side of the taxonomy; every change is published on catalogue.themes.v1. */
@RestController
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@RequestMapping("/api/themes")
@Tag(name = "themes (write)", description = "Operators")
class ThemeEditing {

    private final ThemeTaxonomy taxonomy;
    private final Themes themes;
    private final AuditTrail audit;

    ThemeEditing(ThemeTaxonomy taxonomy, Themes themes, AuditTrail audit) {
        this.taxonomy = taxonomy;
        this.themes = themes;
        this.audit = audit;
    }

    @PostMapping
    @Operation(
            summary = "Create a theme",
            description = "Labels in en, pl and pt are required; 409 if the slug exists.")
    ResponseEntity<ThemeView> create(@RequestBody ThemeRequest request) {
        Theme theme = audit.record(
                AuditedEntity.THEME,
                AuditedChange.CREATED,
                () -> taxonomy.create(Objects.requireNonNullElse(request.slug(), ""), request.texts()),
                created -> new Revision(created.slug(), null, created.version()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{slug}")
                .buildAndExpand(theme.slug())
                .toUri();
        return ResponseEntity.created(location)
                .eTag(EntityTags.of(theme.version()))
                .body(ThemeView.of(theme));
    }

    @PutMapping("/{slug}")
    @Operation(summary = "Relabel a theme", description = "If-Match required (428 without, 412 when stale).")
    ResponseEntity<ThemeView> relabel(
            @PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ThemeRequest request) {
        int version = requiredVersion(slug, ifMatch);
        Theme theme = audit.record(
                AuditedEntity.THEME,
                AuditedChange.REVISED,
                () -> taxonomy.relabel(slug, request.texts(), version),
                relabelled -> new Revision(slug, version, relabelled.version()));
        return ResponseEntity.ok().eTag(EntityTags.of(theme.version())).body(ThemeView.of(theme));
    }

    @DeleteMapping("/{slug}")
    @Operation(
            summary = "Delete (retire) a theme",
            description = "409 while sessions or events use it; published as retired on catalogue.themes.v1.")
    ResponseEntity<Void> retire(
            @PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        int version = requiredVersion(slug, ifMatch);
        audit.recordDeletion(AuditedEntity.THEME, slug, version, () -> taxonomy.retire(slug, version));
        return ResponseEntity.noContent().build();
    }

    /** Without If-Match the refusal names the current version, so the client knows which one to read. */
    private int requiredVersion(String slug, @Nullable String ifMatch) {
        return EntityTags.requiredVersion(
                ifMatch,
                () -> themes.findById(slug)
                        .orElseThrow(() -> new NotFound("theme", slug))
                        .version());
    }
}
