package eu.herald.web.console.programme;

import eu.herald.web.console.Event;
import eu.herald.web.console.Programme;
import eu.herald.web.console.Session;
import eu.herald.web.i18n.Localized;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's start: the events, and an event's sessions, each list searchable. The catalogue has no search by
 * name, so the console filters what it lists: a name or title in any language containing what was typed.
 */
@Controller
class ProgrammeController {

    private final Programme programme;

    ProgrammeController(Programme programme) {
        this.programme = programme;
    }

    @GetMapping("/console")
    String events(@RequestParam(defaultValue = "") String q, Model model) {
        List<Event> events = programme.events().stream()
                .filter(event ->
                        Localized.contains(event.name(), q) || event.slug().contains(q.strip()))
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("events", events);
        return "console/events";
    }

    @GetMapping("/console/events/{id}")
    String sessions(@PathVariable UUID id, @RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        Event event = programme.event(id);
        List<Session> sessions = programme.sessionsOf(id).stream()
                .filter(session -> Localized.contains(session.title(), q))
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("event", event);
        model.addAttribute("eventName", event.name(locale));
        model.addAttribute("sessions", sessions);
        return "console/sessions";
    }
}
