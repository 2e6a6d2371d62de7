package eu.herald.catalogue.event.web;

import eu.herald.catalogue.event.Event;
import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.event.Events;
import eu.herald.catalogue.shared.EntityTags;
import eu.herald.problems.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The public, read-only side of events. */
@RestController
@RequestMapping("/api/events")
@Tag(name = "events (read)", description = "Public")
class EventController {

    private final Events events;

    EventController(Events events) {
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "Every event, by start date then slug")
    List<EventView> events() {
        return events.findAll().stream()
                .sorted(Comparator.comparing((Event event) -> event.details().startsOn())
                        .thenComparing(Event::slug))
                .map(EventView::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One event with its version as ETag")
    @Nullable
    ResponseEntity<EventView> event(@PathVariable UUID id, WebRequest request) {
        EventId eventId = new EventId(id);
        Event event = events.findById(eventId).orElseThrow(() -> new NotFound("event", eventId));
        String tag = EntityTags.of(event.version());
        if (request.checkNotModified(tag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(tag).body(EventView.of(event));
    }

    record EventView(
            UUID id,
            int version,
            String slug,
            Map<String, String> name,
            @Nullable Integer edition,
            LocalDate startsOn,
            LocalDate endsOn,
            String zone,
            @Nullable String place,
            @Nullable String hashtag,
            @Nullable String website,
            List<String> themes) {

        static EventView of(Event event) {
            var details = event.details();
            return new EventView(
                    event.id().value(),
                    event.version(),
                    details.slug(),
                    details.name().byLanguage(),
                    details.edition(),
                    details.startsOn(),
                    details.endsOn(),
                    details.zone(),
                    details.place(),
                    details.hashtag(),
                    details.website(),
                    details.themes());
        }
    }
}
