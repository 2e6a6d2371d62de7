package eu.herald.web.console.session;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.FormErrors;
import eu.herald.web.console.Audience;
import eu.herald.web.console.Preview;
import eu.herald.web.console.Programme;
import eu.herald.web.console.Session;
import eu.herald.web.console.Theme;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing a session in two steps. "Preview" asks the catalogue what the change would do (it saves nothing) and
 * subscriptions whom it would reach (it sends nothing); the preview page carries the same values and the version
 * read to "Save", which patches the session with that version and leads to the fan-out of the new one. A refusal
 * shows the form again with what was typed: field errors next to their fields, a conflict with another operator's
 * change explained, with the session as it is now.
 */
@Controller
class EditController {

    private static final Set<Integer> FORM_REFUSALS = Set.of(400, 409, 412, 422, 428);

    private final Programme programme;
    private final Changes changes;

    EditController(Programme programme, Changes changes) {
        this.programme = programme;
        this.changes = changes;
    }

    @GetMapping("/console/sessions/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Session session = programme.session(id);
        return form(session, SessionForm.of(session), model);
    }

    /** Back from the preview to the form, with the values previewed. */
    @PostMapping("/console/sessions/{id}/edit")
    String back(@PathVariable UUID id, @ModelAttribute("form") SessionForm form, Model model) {
        return form(programme.session(id), form, model);
    }

    /** A preview or a save opened again by its address (e.g. in another language): the form, read afresh. */
    @GetMapping({"/console/sessions/{id}/preview", "/console/sessions/{id}/save"})
    String reopened(@PathVariable UUID id) {
        return "redirect:/console/sessions/" + id + "/edit";
    }

    @PostMapping("/console/sessions/{id}/preview")
    String preview(
            @PathVariable UUID id,
            @ModelAttribute("form") SessionForm form,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Preview preview;
        try {
            preview = programme.preview(id, form.getVersion(), form.patch());
        } catch (ApiProblem problem) {
            return refused(id, problem, form, errors, model, response);
        }
        model.addAttribute("sessionView", programme.session(id));
        model.addAttribute("preview", preview);
        model.addAttribute("changes", changes.of(preview, locale));
        if (preview.announced() && preview.kind() != null) {
            try {
                Audience audience = programme.audience(preview.session(), preview.kind());
                model.addAttribute("audience", audience);
            } catch (ApiProblem uncounted) {
                model.addAttribute("audienceProblem", uncounted);
            }
        }
        return "console/session/preview";
    }

    @PostMapping("/console/sessions/{id}/save")
    String save(
            @PathVariable UUID id,
            @ModelAttribute("form") SessionForm form,
            BindingResult errors,
            @RequestParam(required = false) @Nullable Integer expected,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        Session saved;
        try {
            saved = programme.amend(id, form.getVersion(), form.patch());
        } catch (ApiProblem problem) {
            return refused(id, problem, form, errors, model, response);
        }
        if (saved.version() == form.getVersion()) {
            flash.addFlashAttribute("notice", "console.saved.unchanged");
        } else if (saved.isPublished()) {
            return FanOutLink.redirect(saved, expected);
        } else {
            flash.addFlashAttribute("notice", "console.saved.draft");
        }
        return "redirect:/console/sessions/" + id;
    }

    private String refused(
            UUID id,
            ApiProblem problem,
            SessionForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        if (!FORM_REFUSALS.contains(problem.status().value())) {
            throw problem;
        }
        Session current = programme.session(id);
        response.setStatus(
                problem.status().value() == 400 ? 422 : problem.status().value());
        if (problem.isConflict() || problem.status().value() == 428) {
            // another operator's change came first: theirs is shown, the operator's typing is kept to apply again
            model.addAttribute("conflict", current);
            model.addAttribute("closed", problem.status().value() == 409);
            form.setVersion(current.version());
            form.setThemesRead(new ArrayList<>(current.themes()));
        } else {
            FormErrors.show(SessionForm.onTheForm(problem), errors);
        }
        return form(current, form, model);
    }

    private String form(Session session, SessionForm form, Model model) {
        model.addAttribute("sessionView", session);
        model.addAttribute("form", form);
        List<Theme> themes = programme.themes();
        model.addAttribute("themes", themes);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute(
                "themeLabels", themes.stream().collect(Collectors.toMap(Theme::slug, theme -> theme.label(locale))));
        return "console/session/edit";
    }
}
