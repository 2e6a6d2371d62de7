package eu.herald.web.portal;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.FormErrors;
import eu.herald.web.api.Services;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Every page of a municipality shows it: read first with the person's token, so that another municipality's page
 * ends in "not found" before anything else is asked or changed. Its times are shown on its clock.
 */
@ControllerAdvice(basePackages = "eu.herald.web.portal")
public class PortalPages {

    private final Services services;

    PortalPages(Services services) {
        this.services = services;
    }

    @ModelAttribute
    void municipality(@PathVariable(required = false) @Nullable UUID municipalityId, Locale locale, Model model) {
        if (municipalityId == null) {
            return;
        }
        Municipality municipality = services.subscriptions()
                .get()
                .uri("/api/municipalities/{id}", municipalityId)
                .retrieve()
                .body(Municipality.class);
        if (municipality == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, null, null, List.of());
        }
        model.addAttribute("municipality", municipality);
        model.addAttribute("times", new Times(municipality.zone(), locale));
    }

    /**
     * A service refused what a form sent (400, 409, 412, 422): its problem is put next to the fields it names, and
     * the page is answered with 422 (or the service's 409/412). Anything else is not the form's fault and is thrown
     * on.
     */
    public static void refused(ApiProblem problem, BindingResult form, HttpServletResponse response) {
        int status = problem.status().value();
        if (status != 400 && status != 409 && status != 412 && status != 422) {
            throw problem;
        }
        FormErrors.show(problem, form);
        response.setStatus(status == 400 ? 422 : status);
    }
}
