package eu.herald.subscriptions.history.web;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.endpoint.EndpointNotFound;
import eu.herald.subscriptions.endpoint.Endpoints;
import eu.herald.subscriptions.history.DeliveryHistory;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryController {

    private final DeliveryHistory history;
    private final Municipalities municipalities;
    private final Endpoints endpoints;

    DeliveryController(DeliveryHistory history, Municipalities municipalities, Endpoints endpoints) {
        this.history = history;
        this.municipalities = municipalities;
        this.endpoints = endpoints;
    }

    /** The municipality's deliveries with their latest status, most recent first. */
    @GetMapping("/api/municipalities/{municipalityId}/deliveries")
    DeliveryHistory.Page deliveries(
            @PathVariable UUID municipalityId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        return history.of(municipality, page, size);
    }

    /**
     * The last deliveries to one endpoint with their latest status and the receiver's HTTP status code
     * ({@code responseStatus}), most recent first: how a municipality sees whether its webhook works.
     */
    @GetMapping("/api/municipalities/{municipalityId}/endpoints/{endpointId}/deliveries")
    DeliveryHistory.Page endpointDeliveries(
            @PathVariable UUID municipalityId,
            @PathVariable UUID endpointId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        EndpointId endpoint = new EndpointId(endpointId);
        if (endpoints.find(municipality, endpoint).isEmpty()) {
            throw new EndpointNotFound(municipality, endpoint);
        }
        return history.of(municipality, endpoint, page, size);
    }
}
