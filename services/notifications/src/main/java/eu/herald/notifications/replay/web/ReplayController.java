package eu.herald.notifications.replay.web;

import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.replay.ReplayAuditEntry;
import eu.herald.notifications.replay.Replays;
import eu.herald.notifications.request.ChangeId;
import eu.herald.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * An operator puts DEAD deliveries back on the retry schedule (each replay is audited: who, what, when, how many)
 * and reads that audit. Like every {@code /api/**} endpoint of this service it needs {@code notifications:operate}.
 */
@RestController
@RequestMapping("/api/operator")
@Tag(name = "Operator", description = "Dead deliveries, their replay and the replays' audit")
class ReplayController {

    private final DeliveryLog deliveries;
    private final Replays replays;
    private final Clock clock;

    ReplayController(DeliveryLog deliveries, Replays replays, Clock clock) {
        this.deliveries = deliveries;
        this.replays = replays;
        this.clock = clock;
    }

    @PostMapping("/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Replay one DEAD delivery",
            description = "Puts it back on the retry schedule, due now. 409 when it is not DEAD (a SENT delivery is"
                    + " never sent again).")
    Replayed replay(@PathVariable UUID deliveryId) {
        DeliveryId id = new DeliveryId(deliveryId);
        var delivery = deliveries
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + deliveryId));
        List<DeliveryId> replayed = replays.replay(id, caller(), clock.instant());
        if (replayed.isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "delivery " + deliveryId + " is " + delivery.status()
                            + (delivery.status() == DeliveryStatus.DEAD ? " but was sent before" : ", not DEAD"));
        }
        return Replayed.of(replayed);
    }

    @PostMapping("/changes/{changeId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Replay every DEAD delivery of a session change")
    Replayed replayChange(@PathVariable UUID changeId) {
        return Replayed.of(replays.replay(new ChangeId(changeId), caller(), clock.instant()));
    }

    @GetMapping("/audit")
    @Operation(
            summary = "Who replayed what",
            description = "Every replay, newest first: client and subject of the token, the delivery or change asked"
                    + " for, how many deliveries moved and which. `target` matches a delivery or change id, also a"
                    + " delivery replayed with its change.")
    List<ReplayAuditEntry> audit(
            @RequestParam(required = false) @Nullable String client,
            @RequestParam(required = false) @Nullable UUID target,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return replays.audit(client, target, limit);
    }

    /** The security chain lets no request without a valid token reach a controller. */
    private static Caller caller() {
        return Caller.current().orElseThrow(() -> new IllegalStateException("a replay needs an authenticated caller"));
    }

    record Replayed(List<UUID> replayed) {

        static Replayed of(List<DeliveryId> deliveries) {
            return new Replayed(deliveries.stream().map(DeliveryId::value).toList());
        }
    }
}
