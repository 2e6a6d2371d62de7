package eu.herald.catalogue.audit.web;

import eu.herald.catalogue.audit.AuditEntry;
import eu.herald.catalogue.audit.AuditTrail;
import eu.herald.catalogue.audit.AuditedEntity;
import eu.herald.catalogue.shared.OperatorApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for operators (scope {@code catalogue:write}). */
@RestController
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "Operators")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(
            summary = "Who changed what",
            description = "Every operator write, newest first: client and subject of the token, entity, change,"
                    + " versions before and after.")
    PagedModel<AuditEntry> entries(
            @Parameter(description = "SESSION, EVENT or THEME") @RequestParam(required = false) @Nullable
                    AuditedEntity entity,
            @Parameter(description = "a session or event id, or a theme slug") @RequestParam(required = false) @Nullable
                    String id,
            @Parameter(description = "the client that made the change") @RequestParam(required = false) @Nullable
                    String client,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return new PagedModel<>(trail.search(entity, id, client, page, size));
    }
}
