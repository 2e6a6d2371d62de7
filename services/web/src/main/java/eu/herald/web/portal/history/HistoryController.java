package eu.herald.web.portal.history;

import eu.herald.web.api.Services;
import eu.herald.web.portal.Catalogue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The municipality's deliveries, newest first, twenty a page, each named by its session's title. */
@Controller
class HistoryController {

    private static final int SIZE = 20;

    private final Services services;
    private final Catalogue catalogue;

    HistoryController(Services services, Catalogue catalogue) {
        this.services = services;
        this.catalogue = catalogue;
    }

    @GetMapping("/municipalities/{municipalityId}/deliveries")
    String history(
            @PathVariable UUID municipalityId, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        Delivery.Page deliveries = Objects.requireNonNull(services.subscriptions()
                .get()
                .uri(
                        "/api/municipalities/{id}/deliveries?page={page}&size={size}",
                        municipalityId,
                        Math.max(0, page),
                        SIZE)
                .retrieve()
                .body(Delivery.Page.class));
        List<UUID> sessions =
                deliveries.items().stream().map(Delivery::sessionId).distinct().toList();
        model.addAttribute("deliveries", deliveries.items());
        model.addAttribute("titles", catalogue.sessionTitles(sessions, locale));
        model.addAttribute("page", deliveries.page());
        model.addAttribute("hasNext", deliveries.hasNext());
        return "portal/history";
    }
}
