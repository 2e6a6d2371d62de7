package eu.herald.web.console.session;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.FormErrors;
import eu.herald.web.console.Programme;
import eu.herald.web.console.Session;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A session's page: its details at the version read, and publishing (a draft) or cancelling (a published session)
 * with that version. When someone else changed it meanwhile, the page says so and shows the current version, and
 * the reason typed for a cancellation is still in its field.
 */
@Controller
class SessionController {

    private final Programme programme;

    SessionController(Programme programme) {
        this.programme = programme;
    }

    @GetMapping("/console/sessions/{id}")
    String session(@PathVariable UUID id, Model model) {
        Session session = programme.session(id);
        return page(session, CancelForm.of(session.version()), model);
    }

    /** A refused publish or cancellation opened again by its address (e.g. in another language): the session. */
    @GetMapping({"/console/sessions/{id}/publish", "/console/sessions/{id}/cancel"})
    String reopened(@PathVariable UUID id) {
        return "redirect:/console/sessions/" + id;
    }

    @PostMapping("/console/sessions/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam int version, Model model, HttpServletResponse response) {
        try {
            Session published = programme.publish(id, version);
            return FanOutLink.redirect(published, null);
        } catch (ApiProblem problem) {
            return refused(id, problem, CancelForm.of(version), model, response);
        }
    }

    @PostMapping("/console/sessions/{id}/cancel")
    String cancel(
            @PathVariable UUID id,
            @ModelAttribute("cancel") CancelForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        if (form.getReason().isBlank()) {
            errors.rejectValue("reason", "console.cancel.reasonRequired");
            response.setStatus(422);
            return page(programme.session(id), form, model);
        }
        try {
            Session cancelled =
                    programme.cancel(id, form.getVersion(), form.getReason().strip());
            return FanOutLink.redirect(cancelled, null);
        } catch (ApiProblem problem) {
            if (!problem.isConflict()
                    && problem.status().is4xxClientError()
                    && problem.status().value() != 404) {
                FormErrors.show(problem, errors);
                response.setStatus(problem.status().value());
                return page(programme.session(id), form, model);
            }
            return refused(id, problem, form, model, response);
        }
    }

    /**
     * Someone else changed the session since it was read (412), or it is no longer in a state that allows it (409):
     * nothing was changed; the page shows the session as it is now, ready for the action again.
     */
    private String refused(UUID id, ApiProblem problem, CancelForm form, Model model, HttpServletResponse response) {
        if (!problem.isConflict() && problem.status().value() != 428) {
            throw problem;
        }
        Session current = programme.session(id);
        model.addAttribute("conflict", true);
        response.setStatus(problem.status().value());
        form.setVersion(current.version());
        return page(current, form, model);
    }

    private String page(Session session, CancelForm cancel, Model model) {
        model.addAttribute("sessionView", session);
        model.addAttribute("themeLabels", programme.themeLabels(LocaleContextHolder.getLocale()));
        model.addAttribute("cancel", cancel);
        return "console/session/session";
    }
}
