package eu.herald.web.portal.overview;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.Services;
import eu.herald.web.portal.Municipality;
import eu.herald.web.portal.Notices;
import eu.herald.web.portal.PortalPages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The municipality's name, language and zone, its preferences, and its erasure after a confirmation. */
@Controller
@RequestMapping("/municipalities")
class OverviewController {

    private final Services services;
    private final Notices notices;

    OverviewController(Services services, Notices notices) {
        this.services = services;
        this.notices = notices;
    }

    @GetMapping("/{municipalityId}")
    String overview(@ModelAttribute("municipality") Municipality municipality, Model model) {
        model.addAttribute("form", PreferencesForm.of(municipality.preferences()));
        return "portal/overview";
    }

    @PostMapping("/{municipalityId}/preferences")
    String savePreferences(
            @PathVariable UUID municipalityId,
            @ModelAttribute("form") PreferencesForm form,
            BindingResult result,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form.quietHoursEmpty()) {
            result.rejectValue("to", "portal.quietHours.same");
            response.setStatus(422);
            return "portal/overview";
        }
        try {
            services.subscriptions()
                    .put()
                    .uri("/api/municipalities/{id}/preferences", municipalityId)
                    .body(form.body())
                    .retrieve()
                    .toBodilessEntity();
        } catch (ApiProblem problem) {
            PortalPages.refused(problem, result, response);
            return "portal/overview";
        }
        notices.done(redirect, "portal.preferences.saved");
        return "redirect:/municipalities/{municipalityId}";
    }

    /** A form shown again after a refusal posts here; choosing another language there reloads it as a GET. */
    @GetMapping("/{municipalityId}/preferences")
    String backToTheOverview() {
        return "redirect:/municipalities/{municipalityId}";
    }

    @GetMapping("/{municipalityId}/erasure")
    String confirmErasure() {
        return "portal/erasure";
    }

    /** Deletes the municipality with its endpoints, subscriptions, preferences and history. */
    @PostMapping("/{municipalityId}/erasure")
    String erase(@PathVariable UUID municipalityId) {
        services.subscriptions()
                .delete()
                .uri("/api/municipalities/{id}", municipalityId)
                .retrieve()
                .toBodilessEntity();
        return "redirect:/municipalities/erased";
    }

    @GetMapping("/erased")
    String erased() {
        return "portal/erased";
    }
}
