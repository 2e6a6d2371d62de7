package eu.herald.web.portal.endpoints;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.Services;
import eu.herald.web.portal.Notices;
import eu.herald.web.portal.PortalPages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The municipality's endpoints: adding an email address (a verification link is mailed) or a webhook (its signing
 * secret is shown once, on the page the adding redirects to, and never again), sending the link again, pinging a
 * webhook, rotating its secret, deleting one after a confirmation. This browser's web push is {@link WebPushRelay}.
 */
@Controller
@RequestMapping("/municipalities/{municipalityId}/endpoints")
class EndpointsController {

    private static final String ENDPOINTS = "/api/municipalities/{id}/endpoints";
    private static final String ENDPOINT = ENDPOINTS + "/{endpoint}";
    private static final String BACK = "redirect:/municipalities/{municipalityId}/endpoints";

    private final Services services;
    private final Notices notices;

    EndpointsController(Services services, Notices notices) {
        this.services = services;
        this.notices = notices;
    }

    @GetMapping
    String list(@PathVariable UUID municipalityId, Model model) {
        return page(municipalityId, model);
    }

    /** A form shown again after a refusal posts here; choosing another language there reloads it as a GET. */
    @GetMapping({"/email", "/webhook"})
    String backToTheList() {
        return BACK;
    }

    @PostMapping("/email")
    String addEmail(
            @PathVariable UUID municipalityId,
            @ModelAttribute("emailForm") AddressForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String address = AddressForm.text(form.getAddress());
        try {
            register(municipalityId, Map.of("channel", "EMAIL", "address", address));
        } catch (ApiProblem problem) {
            PortalPages.refused(problem, result, response);
            return page(municipalityId, model);
        }
        notices.done(redirect, "portal.endpoints.linkSent", address);
        return BACK;
    }

    @PostMapping("/webhook")
    String addWebhook(
            @PathVariable UUID municipalityId,
            @ModelAttribute("webhookForm") AddressForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Endpoint webhook;
        try {
            webhook = register(municipalityId, Map.of("channel", "WEBHOOK", "url", AddressForm.text(form.getUrl())));
        } catch (ApiProblem problem) {
            PortalPages.refused(problem, result, response);
            return page(municipalityId, model);
        }
        return showSecretOnce(webhook, redirect);
    }

    /** The secret is on this page only when the adding or rotation redirected here; a reload shows it no more. */
    @GetMapping("/{endpointId}/secret")
    String secret(@PathVariable UUID municipalityId, @PathVariable UUID endpointId, Model model) {
        model.addAttribute("endpoint", endpoint(municipalityId, endpointId));
        return "portal/secret";
    }

    @PostMapping("/{endpointId}/secret")
    String rotateSecret(@PathVariable UUID municipalityId, @PathVariable UUID endpointId, RedirectAttributes redirect) {
        Endpoint rotated = services.subscriptions()
                .post()
                .uri(ENDPOINT + "/secret", municipalityId, endpointId)
                .retrieve()
                .body(Endpoint.class);
        redirect.addFlashAttribute("rotated", true);
        return showSecretOnce(Objects.requireNonNull(rotated), redirect);
    }

    @PostMapping("/{endpointId}/verification")
    String sendLinkAgain(
            @PathVariable UUID municipalityId, @PathVariable UUID endpointId, RedirectAttributes redirect) {
        try {
            Endpoint email = services.subscriptions()
                    .post()
                    .uri(ENDPOINT + "/verification", municipalityId, endpointId)
                    .retrieve()
                    .body(Endpoint.class);
            notices.done(
                    redirect,
                    "portal.endpoints.linkSent",
                    Objects.requireNonNull(email).address());
        } catch (ApiProblem problem) {
            failed(problem, redirect, "portal.endpoints.linkNotSent");
        }
        return BACK;
    }

    /** What the webhook's receiver answered to a signed test ping. */
    @PostMapping("/{endpointId}/ping")
    String ping(@PathVariable UUID municipalityId, @PathVariable UUID endpointId, RedirectAttributes redirect) {
        try {
            Pinged pinged = Objects.requireNonNull(services.subscriptions()
                    .post()
                    .uri(ENDPOINT + "/ping", municipalityId, endpointId)
                    .retrieve()
                    .body(Pinged.class));
            if (pinged.status() != null) {
                notices.done(
                        redirect, "portal.endpoints.pinged", pinged.url(), pinged.status(), pinged.durationMillis());
            } else {
                notices.failed(redirect, "portal.endpoints.pingUnanswered", pinged.url(), pinged.error());
            }
        } catch (ApiProblem problem) {
            failed(problem, redirect, "portal.endpoints.pingRefused");
        }
        return BACK;
    }

    @GetMapping("/{endpointId}/deletion")
    String confirmDeletion(@PathVariable UUID municipalityId, @PathVariable UUID endpointId, Model model) {
        model.addAttribute("endpoint", endpoint(municipalityId, endpointId));
        return "portal/endpoint-deletion";
    }

    @PostMapping("/{endpointId}/deletion")
    String delete(@PathVariable UUID municipalityId, @PathVariable UUID endpointId, RedirectAttributes redirect) {
        Endpoint endpoint = endpoint(municipalityId, endpointId);
        services.subscriptions()
                .delete()
                .uri(ENDPOINT, municipalityId, endpointId)
                .retrieve()
                .toBodilessEntity();
        notices.done(redirect, "portal.endpoints.deleted", endpoint.target());
        return BACK;
    }

    /** @param status the receiver's HTTP status, null when it did not answer (then {@code error} says why) */
    record Pinged(
            String url,
            @Nullable Integer status,
            long durationMillis,
            @Nullable String error) {}

    private Endpoint register(UUID municipalityId, Map<String, String> body) {
        return Objects.requireNonNull(services.subscriptions()
                .post()
                .uri(ENDPOINTS, municipalityId)
                .body(body)
                .retrieve()
                .body(Endpoint.class));
    }

    private static String showSecretOnce(Endpoint webhook, RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", webhook.secret());
        return "redirect:/municipalities/{municipalityId}/endpoints/" + webhook.id() + "/secret";
    }

    private Endpoint endpoint(UUID municipalityId, UUID endpointId) {
        return Objects.requireNonNull(services.subscriptions()
                .get()
                .uri(ENDPOINT, municipalityId, endpointId)
                .retrieve()
                .body(Endpoint.class));
    }

    /** A refusal of an action shown as what failed on the list; another municipality's endpoint stays "not found". */
    private void failed(ApiProblem problem, RedirectAttributes redirect, String key) {
        if (problem.isNotFound()) {
            throw problem;
        }
        notices.failed(redirect, key, reason(problem));
    }

    private static String reason(ApiProblem problem) {
        if (!problem.errors().isEmpty()) {
            return problem.errors().get(0).message();
        }
        String detail = problem.detail() != null ? problem.detail() : problem.title();
        return detail != null ? detail : "HTTP " + problem.status().value();
    }

    private String page(UUID municipalityId, Model model) {
        List<Endpoint> endpoints = Objects.requireNonNullElse(
                services.subscriptions()
                        .get()
                        .uri(ENDPOINTS, municipalityId)
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<Endpoint>>() {}),
                List.of());
        model.addAttribute("endpoints", endpoints);
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", new AddressForm());
        }
        if (!model.containsAttribute("webhookForm")) {
            model.addAttribute("webhookForm", new AddressForm());
        }
        model.addAttribute("vapidPublicKey", vapidPublicKey());
        return "portal/endpoints";
    }

    /** The key this browser subscribes with at its push service; null when the server has none (no web push then). */
    private @Nullable String vapidPublicKey() {
        try {
            Map<String, String> config = services.subscriptions()
                    .get()
                    .uri("/api/web-push/config")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Map<String, String>>() {});
            return config == null ? null : config.get("vapidPublicKey");
        } catch (ApiProblem notConfigured) {
            return null;
        }
    }
}
