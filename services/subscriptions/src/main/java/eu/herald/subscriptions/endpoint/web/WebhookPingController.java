package eu.herald.subscriptions.endpoint.web;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.endpoint.WebhookPing;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WebhookPingController {

    private final WebhookPing ping;
    private final Municipalities municipalities;

    WebhookPingController(WebhookPing ping, Municipalities municipalities) {
        this.ping = ping;
        this.municipalities = municipalities;
    }

    /**
     * Sends a signed test ping to the webhook now and answers what the receiver said: its status code and how
     * long it took (200 even when the receiver failed: the ping itself worked). 400 when the endpoint is not a
     * webhook or the SSRF guard refuses its URL.
     */
    @PostMapping("/api/municipalities/{municipalityId}/endpoints/{endpointId}/ping")
    WebhookPing.Pinged ping(@PathVariable UUID municipalityId, @PathVariable UUID endpointId) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        return ping.ping(municipality, new EndpointId(endpointId));
    }
}
