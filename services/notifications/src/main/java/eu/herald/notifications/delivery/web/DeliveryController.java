package eu.herald.notifications.delivery.web;

import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.request.ChangeId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/deliveries")
@Tag(name = "Deliveries", description = "The delivery log: one delivery per session change and endpoint")
class DeliveryController {

    private final DeliveryLog deliveries;

    DeliveryController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(summary = "The deliveries of one session change")
    List<DeliveryView> ofChange(@RequestParam UUID changeId) {
        return deliveries.ofChange(new ChangeId(changeId)).stream()
                .map(delivery -> DeliveryView.of(delivery, null))
                .toList();
    }

    @GetMapping("/{deliveryId}")
    @Operation(summary = "One delivery with the outcome of every attempt, and whether it may have been sent twice")
    DeliveryView one(@PathVariable UUID deliveryId) {
        DeliveryId id = new DeliveryId(deliveryId);
        return deliveries
                .find(id)
                .map(delivery -> DeliveryView.of(
                        delivery,
                        deliveries.attempts(id),
                        deliveries.takeover(id).orElse(null)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + deliveryId));
    }
}
