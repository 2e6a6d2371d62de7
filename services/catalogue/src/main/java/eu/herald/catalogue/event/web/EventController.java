package eu.herald.catalogue.event.web;

import eu.herald.catalogue.event.Event;
import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.event.Events;
import eu.herald.catalogue.shared.NotFound;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
class EventController {

    private final Events events;

    EventController(Events events) {
        this.events = events;
    }

    @GetMapping("/{id}")
    EventView event(@PathVariable UUID id) {
        EventId eventId = new EventId(id);
        return events.findById(eventId).map(EventView::of).orElseThrow(() -> new NotFound("event", eventId));
    }

    record EventView(
            UUID id,
            String slug,
            Map<String, String> name,
            @Nullable Integer edition,
            LocalDate startsOn,
            LocalDate endsOn,
            String zone,
            @Nullable String place,
            @Nullable String hashtag,
            List<String> themes) {

        static EventView of(Event event) {
            return new EventView(
                    event.id().value(),
                    event.slug(),
                    event.name().byLanguage(),
                    event.edition(),
                    event.startsOn(),
                    event.endsOn(),
                    event.zone(),
                    event.place(),
                    event.hashtag(),
                    event.themes());
        }
    }
}
