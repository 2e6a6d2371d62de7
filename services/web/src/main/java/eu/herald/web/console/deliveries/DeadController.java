package eu.herald.web.console.deliveries;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.Services;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deliveries that could not be made, newest first, each with "replay": notifications puts it back on its retry
 * schedule (and audits who did). One that is no longer dead is refused, and the page says why.
 */
@Controller
class DeadController {

    private static final int SHOWN = 200;

    private final Services services;

    DeadController(Services services) {
        this.services = services;
    }

    @GetMapping("/console/dead")
    String dead(Model model) {
        List<DeadDelivery> dead = Objects.requireNonNull(services.notifications()
                .get()
                .uri("/api/operator/deliveries/dead?limit={limit}", SHOWN)
                .retrieve()
                .body(new ParameterizedTypeReference<List<DeadDelivery>>() {}));
        model.addAttribute("deliveries", dead);
        return "console/dead";
    }

    @PostMapping("/console/dead/{deliveryId}/replay")
    String replay(@PathVariable UUID deliveryId, RedirectAttributes flash) {
        try {
            services.notifications()
                    .post()
                    .uri("/api/operator/deliveries/{id}/replay", deliveryId)
                    .retrieve()
                    .toBodilessEntity();
            flash.addFlashAttribute("notice", "console.dead.replayed");
        } catch (ApiProblem refused) {
            if (!refused.isConflict() && !refused.isNotFound()) {
                throw refused;
            }
            flash.addFlashAttribute("refusal", refused.detail() != null ? refused.detail() : refused.title());
        }
        return "redirect:/console/dead";
    }
}
