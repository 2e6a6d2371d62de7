package eu.herald.web.portal.subscriptions;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.Services;
import eu.herald.web.portal.Catalogue;
import eu.herald.web.portal.Notices;
import eu.herald.web.portal.PortalPages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the municipality follows, named as the catalogue names it; a form to follow more; ending one. */
@Controller
@RequestMapping("/municipalities/{municipalityId}/subscriptions")
class SubscriptionsController {

    private final Services services;
    private final Catalogue catalogue;
    private final MessageSource messages;
    private final Notices notices;

    SubscriptionsController(Services services, Catalogue catalogue, MessageSource messages, Notices notices) {
        this.services = services;
        this.catalogue = catalogue;
        this.messages = messages;
        this.notices = notices;
    }

    @GetMapping
    String list(@PathVariable UUID municipalityId, Locale locale, Model model) {
        return page(municipalityId, new SubscriptionForm(), locale, model);
    }

    @PostMapping
    String subscribe(
            @PathVariable UUID municipalityId,
            @ModelAttribute("form") SubscriptionForm form,
            BindingResult result,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            services.subscriptions()
                    .post()
                    .uri("/api/municipalities/{id}/subscriptions", municipalityId)
                    .body(form.body())
                    .retrieve()
                    .toBodilessEntity();
        } catch (ApiProblem problem) {
            PortalPages.refused(problem, result, response);
            return page(municipalityId, form, locale, model);
        }
        notices.done(redirect, "portal.subscriptions.added");
        return "redirect:/municipalities/{municipalityId}/subscriptions";
    }

    /** The reminders of a subscription it follows already: the boxes ticked, none for no reminder. */
    @PostMapping("/{subscriptionId}/reminders")
    String remind(
            @PathVariable UUID municipalityId,
            @PathVariable UUID subscriptionId,
            @RequestParam(name = "reminders", required = false) @Nullable List<String> reminders,
            RedirectAttributes redirect) {
        try {
            services.subscriptions()
                    .put()
                    .uri(
                            "/api/municipalities/{id}/subscriptions/{subscription}/reminders",
                            municipalityId,
                            subscriptionId)
                    .body(Map.of("reminders", reminders == null ? List.of() : reminders))
                    .retrieve()
                    .toBodilessEntity();
        } catch (ApiProblem problem) {
            if (problem.status().value() != 400) {
                throw problem;
            }
            notices.failed(redirect, "portal.reminders.refused", problem.detail());
            return "redirect:/municipalities/{municipalityId}/subscriptions";
        }
        notices.done(redirect, "portal.reminders.saved");
        return "redirect:/municipalities/{municipalityId}/subscriptions";
    }

    @PostMapping("/{subscriptionId}/deletion")
    String end(@PathVariable UUID municipalityId, @PathVariable UUID subscriptionId, RedirectAttributes redirect) {
        services.subscriptions()
                .delete()
                .uri("/api/municipalities/{id}/subscriptions/{subscription}", municipalityId, subscriptionId)
                .retrieve()
                .toBodilessEntity();
        notices.done(redirect, "portal.subscriptions.ended");
        return "redirect:/municipalities/{municipalityId}/subscriptions";
    }

    private String page(UUID municipalityId, SubscriptionForm form, Locale locale, Model model) {
        List<Subscription> subscriptions = Objects.requireNonNullElse(
                services.subscriptions()
                        .get()
                        .uri("/api/municipalities/{id}/subscriptions", municipalityId)
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<Subscription>>() {}),
                List.of());
        List<Catalogue.Option> themes = catalogue.themes(locale);
        List<Catalogue.Option> events = catalogue.events(locale);
        List<Catalogue.Option> sessions = catalogue.sessions(locale);
        Map<String, String> themeLabels = Catalogue.byValue(themes);
        Map<String, String> eventNames = Catalogue.byValue(events);
        Map<UUID, String> sessionTitles = catalogue.sessionTitles(
                subscriptions.stream()
                        .filter(subscription -> subscription.selector().type().equals("SESSION"))
                        .map(subscription ->
                                UUID.fromString(subscription.selector().value()))
                        .toList(),
                locale);
        model.addAttribute(
                "subscriptions",
                subscriptions.stream()
                        .map(subscription -> new SubscriptionRow(
                                subscription.id(),
                                subscription.selector().type(),
                                switch (subscription.selector().type()) {
                                    case "THEME" ->
                                        themeLabels.get(subscription.selector().value());
                                    case "EVENT" ->
                                        eventNames.get(subscription.selector().value());
                                    default ->
                                        sessionTitles.get(UUID.fromString(
                                                subscription.selector().value()));
                                },
                                subscription.changeKinds(),
                                subscription.reminders().stream()
                                        .map(lead -> Leads.words(lead, messages, locale))
                                        .toList(),
                                subscription.reminders()))
                        .toList());
        model.addAttribute("form", form);
        model.addAttribute("themes", themes);
        model.addAttribute("events", events);
        model.addAttribute("sessions", sessions);
        model.addAttribute("kinds", SubscriptionForm.KINDS);
        model.addAttribute(
                "leads",
                SubscriptionForm.LEADS.stream()
                        .map(lead -> new Catalogue.Option(lead, Leads.words(lead, messages, locale)))
                        .toList());
        return "portal/subscriptions";
    }
}
