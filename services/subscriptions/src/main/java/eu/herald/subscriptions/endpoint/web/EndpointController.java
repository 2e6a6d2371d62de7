package eu.herald.subscriptions.endpoint.web;

import eu.herald.subscriptions.endpoint.Endpoint;
import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.endpoint.EndpointNotFound;
import eu.herald.subscriptions.endpoint.EndpointRegistration;
import eu.herald.subscriptions.endpoint.Endpoints;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/municipalities/{municipalityId}/endpoints")
class EndpointController {

    private final EndpointRegistration registration;
    private final Endpoints endpoints;
    private final Municipalities municipalities;

    EndpointController(EndpointRegistration registration, Endpoints endpoints, Municipalities municipalities) {
        this.registration = registration;
        this.endpoints = endpoints;
        this.municipalities = municipalities;
    }

    @PostMapping
    ResponseEntity<EndpointView> register(
            @PathVariable UUID municipalityId, @Valid @RequestBody RegisterEndpoint body) {
        Endpoint endpoint = registration.registerEmail(new MunicipalityId(municipalityId), body.address());
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(endpoint.id().value())
                .toUri();
        return ResponseEntity.created(location).body(EndpointView.of(endpoint));
    }

    @GetMapping
    List<EndpointView> list(@PathVariable UUID municipalityId) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        return endpoints.of(municipality).stream().map(EndpointView::of).toList();
    }

    @GetMapping("/{endpointId}")
    EndpointView get(@PathVariable UUID municipalityId, @PathVariable UUID endpointId) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        EndpointId id = new EndpointId(endpointId);
        return endpoints
                .find(municipality, id)
                .map(EndpointView::of)
                .orElseThrow(() -> new EndpointNotFound(municipality, id));
    }
}
