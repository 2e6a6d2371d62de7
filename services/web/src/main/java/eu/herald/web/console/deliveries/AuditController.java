package eu.herald.web.console.deliveries;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.herald.web.api.Services;
import eu.herald.web.console.Paged;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail: who changed what in the catalogue (page by page, newest first), and who replayed which dead
 * deliveries in notifications.
 */
@Controller
class AuditController {

    private static final int PAGE = 50;

    private final Services services;

    AuditController(Services services) {
        this.services = services;
    }

    @GetMapping("/console/audit")
    String audit(@RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, page);
        Paged<Entry> entries = Objects.requireNonNull(services.catalogue()
                .get()
                .uri("/api/audit?page={page}&size={size}", shown, PAGE)
                .retrieve()
                .body(new ParameterizedTypeReference<Paged<Entry>>() {}));
        List<Replay> replays = Objects.requireNonNull(services.notifications()
                .get()
                .uri("/api/operator/audit?limit={limit}", PAGE)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Replay>>() {}));
        model.addAttribute("entries", entries.content());
        model.addAttribute("page", shown);
        model.addAttribute(
                "more", entries.page() != null && shown + 1 < entries.page().totalPages());
        model.addAttribute("replays", replays);
        return "console/audit";
    }

    /** One write of an operator in the catalogue. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(
            Instant occurredAt,
            String clientId,
            String subject,
            String entityType,
            String entityId,
            String change,
            @Nullable Integer fromVersion,
            @Nullable Integer toVersion) {

        public String who() {
            return AuditController.who(subject, clientId);
        }
    }

    /** One replay of dead deliveries in notifications. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Replay(Instant occurredAt, String clientId, String subject, String target, UUID targetId, int replayed) {

        public String who() {
            return AuditController.who(subject, clientId);
        }
    }

    /** The client, and the person when a client acts for one (the web application for a signed-in operator). */
    static String who(String subject, String clientId) {
        return subject.equals(clientId) ? clientId : subject + " (" + clientId + ")";
    }
}
