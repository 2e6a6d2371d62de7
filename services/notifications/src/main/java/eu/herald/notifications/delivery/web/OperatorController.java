package eu.herald.notifications.delivery.web;

import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.FanOutProgress;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.SessionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deliveries that could not be made, as an operator sees them: the DEAD ones (their replay is the replay
 * module's), and the ones held for a change (quiet hours, digests, coalescing, reminders); and how far the
 * fan-out of a version of a session has come. Like every {@code /api/**} endpoint of this service it needs {@code notifications:operate}.
 */
@RestController
@RequestMapping("/api/operator")
@Tag(name = "Operator", description = "Dead deliveries, their replay and the replays' audit, a fan-out's progress")
class OperatorController {

    private final DeliveryLog deliveries;
    private final FanOutProgress progress;

    OperatorController(DeliveryLog deliveries, FanOutProgress progress) {
        this.deliveries = deliveries;
        this.progress = progress;
    }

    @GetMapping("/sessions/{sessionId}/progress")
    @Operation(
            summary = "How far the fan-out of a version of a session has come: its change deliveries per channel",
            description = "sent, held, pending, retrying, dead and superseded per channel reached; total 0 until the"
                    + " first delivery of that version is recorded (poll while the fan-out arrives); finished once"
                    + " something arrived and nothing is pending or retrying (held deliveries go out later)")
    FanOutProgressView progress(@PathVariable UUID sessionId, @RequestParam @Min(1) int version) {
        return FanOutProgressView.of(sessionId, version, progress.of(new SessionId(sessionId), version));
    }

    @GetMapping("/deliveries/held")
    @Operation(summary = "What is held for a change: its SCHEDULED deliveries and reminders, with until when and why")
    List<DeliveryView> held(@RequestParam UUID changeId) {
        return deliveries.ofChange(new ChangeId(changeId), DeliveryStatus.SCHEDULED).stream()
                .map(delivery -> DeliveryView.of(delivery, null))
                .toList();
    }

    @GetMapping("/deliveries/dead")
    @Operation(summary = "DEAD deliveries, most recent first, of one change or of all")
    List<DeliveryView> dead(
            @RequestParam(required = false) @Nullable UUID changeId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return deliveries.dead(changeId == null ? null : new ChangeId(changeId), limit).stream()
                .map(delivery -> DeliveryView.of(delivery, null))
                .toList();
    }
}
