package eu.herald.subscriptions.endpoint.web;

import eu.herald.problems.InvalidInput;
import eu.herald.subscriptions.endpoint.EmailVerification;
import eu.herald.subscriptions.endpoint.Endpoint;
import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.endpoint.EndpointNotFound;
import eu.herald.subscriptions.endpoint.EndpointRegistration;
import eu.herald.subscriptions.endpoint.EndpointRegistration.Registered;
import eu.herald.subscriptions.endpoint.EndpointStatus;
import eu.herald.subscriptions.endpoint.Endpoints;
import eu.herald.subscriptions.endpoint.PushSubscription;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
    private final EmailVerification verification;
    private final Endpoints endpoints;
    private final Municipalities municipalities;

    EndpointController(
            EndpointRegistration registration,
            EmailVerification verification,
            Endpoints endpoints,
            Municipalities municipalities) {
        this.registration = registration;
        this.verification = verification;
        this.endpoints = endpoints;
        this.municipalities = municipalities;
    }

    /**
     * EMAIL starts PENDING_VERIFICATION and a confirmation link is mailed; WEB_PUSH and WEBHOOK start
     * ACTIVE, and a WEBHOOK's signing secret is in this answer only.
     */
    @PostMapping
    ResponseEntity<EndpointView> register(
            @PathVariable UUID municipalityId, @Valid @RequestBody RegisterEndpoint body) {
        MunicipalityId municipality = new MunicipalityId(municipalityId);
        Registered registered = switch (body.channel()) {
            case "EMAIL" -> registration.registerEmail(municipality, Objects.requireNonNull(body.address()));
            case "WEB_PUSH" -> {
                var input = Objects.requireNonNull(body.subscription());
                yield registration.registerWebPush(
                        municipality,
                        new PushSubscription(
                                input.endpoint(),
                                input.keys().p256dh(),
                                input.keys().auth()));
            }
            default -> registration.registerWebhook(municipality, Objects.requireNonNull(body.url()));
        };
        Endpoint endpoint = registered.endpoint();
        verification.sendLink(endpoint);
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(endpoint.id().value())
                .toUri();
        return ResponseEntity.created(location).body(EndpointView.of(endpoint, registered.secret()));
    }

    @GetMapping
    List<EndpointView> list(@PathVariable UUID municipalityId) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        return endpoints.of(municipality).stream().map(EndpointView::of).toList();
    }

    @GetMapping("/{endpointId}")
    EndpointView get(@PathVariable UUID municipalityId, @PathVariable UUID endpointId) {
        return EndpointView.of(require(municipalityId, endpointId));
    }

    /** A new signing secret for a webhook, shown in this answer only; requests carry its new {@code secretVersion}. */
    @PostMapping("/{endpointId}/secret")
    EndpointView rotateSecret(@PathVariable UUID municipalityId, @PathVariable UUID endpointId) {
        municipalities.require(new MunicipalityId(municipalityId));
        Registered rotated = registration.rotateSecret(new MunicipalityId(municipalityId), new EndpointId(endpointId));
        return EndpointView.of(rotated.endpoint(), rotated.secret());
    }

    /** Mails the confirmation link of a pending email endpoint again. */
    @PostMapping("/{endpointId}/verification")
    ResponseEntity<EndpointView> resendConfirmation(@PathVariable UUID municipalityId, @PathVariable UUID endpointId) {
        Endpoint endpoint = require(municipalityId, endpointId);
        if (endpoint.status() != EndpointStatus.PENDING_VERIFICATION) {
            throw new InvalidInput("status", "only an endpoint waiting for verification can be sent a link");
        }
        boolean sent = verification.sendLink(endpoint);
        return ResponseEntity.status(sent ? HttpStatus.ACCEPTED : HttpStatus.SERVICE_UNAVAILABLE)
                .body(EndpointView.of(endpoint));
    }

    private Endpoint require(UUID municipalityId, UUID endpointId) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        EndpointId id = new EndpointId(endpointId);
        return endpoints.find(municipality, id).orElseThrow(() -> new EndpointNotFound(municipality, id));
    }
}
