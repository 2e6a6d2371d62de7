package eu.herald.notifications.timing.web;

import eu.herald.notifications.timing.Coalescing;
import eu.herald.notifications.timing.Coalescing.EventWindow;
import eu.herald.problems.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An event's coalescing window, as its operators tune it: how long after a session's change further changes are
 * merged into one alert. Zero turns coalescing off for the event's sessions.
 */
@RestController
@RequestMapping("/api/events/{eventId}/coalescing-window")
@Tag(name = "Coalescing", description = "How long changes of an event's sessions are gathered into one alert")
class CoalescingController {

    static final Duration LONGEST = Duration.ofHours(1);

    private final Coalescing coalescing;
    private final Clock clock;

    CoalescingController(Coalescing coalescing, Clock clock) {
        this.coalescing = coalescing;
        this.clock = clock;
    }

    /** @param window an ISO-8601 duration from PT0S (off) to PT1H, e.g. PT2M */
    record WindowInput(@Nullable String window) {}

    /** @param isDefault true when the event has no window of its own and the service's default applies */
    record WindowView(UUID eventId, String window, boolean isDefault) {

        static WindowView of(EventWindow window) {
            return new WindowView(window.eventId(), window.window().toString(), window.isDefault());
        }
    }

    @GetMapping
    @Operation(summary = "The event's coalescing window (the default when it has none of its own)")
    WindowView get(@PathVariable UUID eventId) {
        return WindowView.of(coalescing.windowOf(eventId));
    }

    @PutMapping
    @Operation(summary = "Sets the event's coalescing window; PT0S turns coalescing off")
    WindowView put(@PathVariable UUID eventId, @RequestBody WindowInput input) {
        return WindowView.of(coalescing.setWindow(eventId, parse(input.window()), clock.instant()));
    }

    private static Duration parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("window", "must be an ISO-8601 duration such as PT2M (PT0S turns coalescing off)");
        }
        Duration window;
        try {
            window = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("window", "must be an ISO-8601 duration such as PT2M, not " + text);
        }
        if (window.isNegative() || window.compareTo(LONGEST) > 0 || window.getNano() != 0) {
            throw new InvalidInput("window", "must be whole seconds from PT0S to PT1H");
        }
        return window;
    }
}
