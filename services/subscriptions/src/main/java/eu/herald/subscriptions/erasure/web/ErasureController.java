package eu.herald.subscriptions.erasure.web;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.erasure.Erasures;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Erasure on request (GDPR): by the municipality itself or by an admin. */
@RestController
class ErasureController {

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    /** Deletes the municipality with its endpoints, subscriptions, preferences and delivery history. */
    @DeleteMapping("/api/municipalities/{municipalityId}")
    ResponseEntity<Void> eraseMunicipality(@PathVariable UUID municipalityId) {
        erasures.eraseMunicipality(new MunicipalityId(municipalityId));
        return ResponseEntity.noContent().build();
    }

    /** Deletes one endpoint and its delivery history; subscriptions no longer name it. */
    @DeleteMapping("/api/municipalities/{municipalityId}/endpoints/{endpointId}")
    ResponseEntity<Void> eraseEndpoint(@PathVariable UUID municipalityId, @PathVariable UUID endpointId) {
        erasures.eraseEndpoint(new MunicipalityId(municipalityId), new EndpointId(endpointId));
        return ResponseEntity.noContent().build();
    }
}
