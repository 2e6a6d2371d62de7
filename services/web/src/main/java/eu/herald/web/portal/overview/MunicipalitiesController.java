package eu.herald.web.portal.overview;

import eu.herald.web.api.Services;
import eu.herald.web.portal.Municipality;
import eu.herald.web.security.CurrentUser;
import java.util.List;
import java.util.Objects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's list of every municipality, each leading to its portal. A clerk is sent to their own. */
@Controller
class MunicipalitiesController {

    private final Services services;

    MunicipalitiesController(Services services) {
        this.services = services;
    }

    @GetMapping("/municipalities")
    String list(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        if (user != null && user.municipalityId() != null) {
            return "redirect:/municipalities/" + user.municipalityId();
        }
        List<Municipality> municipalities = Objects.requireNonNullElse(
                services.subscriptions()
                        .get()
                        .uri("/api/municipalities")
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<Municipality>>() {}),
                List.of());
        model.addAttribute("municipalities", municipalities);
        return "portal/municipalities";
    }
}
