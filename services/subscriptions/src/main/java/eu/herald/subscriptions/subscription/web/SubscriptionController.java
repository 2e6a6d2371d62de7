package eu.herald.subscriptions.subscription.web;

import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import eu.herald.subscriptions.subscription.Subscription;
import eu.herald.subscriptions.subscription.SubscriptionId;
import eu.herald.subscriptions.subscription.SubscriptionNotFound;
import eu.herald.subscriptions.subscription.SubscriptionRegistration;
import eu.herald.subscriptions.subscription.Subscriptions;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/municipalities/{municipalityId}/subscriptions")
class SubscriptionController {

    private final SubscriptionRegistration registration;
    private final Subscriptions subscriptions;
    private final Municipalities municipalities;

    SubscriptionController(
            SubscriptionRegistration registration, Subscriptions subscriptions, Municipalities municipalities) {
        this.registration = registration;
        this.subscriptions = subscriptions;
        this.municipalities = municipalities;
    }

    @PostMapping
    ResponseEntity<SubscriptionView> subscribe(@PathVariable UUID municipalityId, @Valid @RequestBody Subscribe body) {
        Subscription subscription = registration.subscribe(
                new MunicipalityId(municipalityId),
                body.selector().toSelector(),
                body.kinds(),
                body.endpoints(),
                body.language(),
                body.leads());
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(subscription.id().value())
                .toUri();
        return ResponseEntity.created(location).body(SubscriptionView.of(subscription));
    }

    /** Replaces the change kinds, endpoints and language override; the selector and the reminders stay. */
    @PutMapping("/{subscriptionId}")
    SubscriptionView change(
            @PathVariable UUID municipalityId,
            @PathVariable UUID subscriptionId,
            @Valid @RequestBody ChangeSubscription body) {
        return SubscriptionView.of(registration.change(
                new MunicipalityId(municipalityId),
                new SubscriptionId(subscriptionId),
                body.kinds(),
                body.endpoints(),
                body.language()));
    }

    /** Replaces the reminders (lead times before each session's start); {@code []} for none. */
    @PutMapping("/{subscriptionId}/reminders")
    SubscriptionView remind(
            @PathVariable UUID municipalityId,
            @PathVariable UUID subscriptionId,
            @Valid @RequestBody ChangeReminders body) {
        return SubscriptionView.of(registration.remind(
                new MunicipalityId(municipalityId), new SubscriptionId(subscriptionId), body.leads()));
    }

    @DeleteMapping("/{subscriptionId}")
    ResponseEntity<Void> end(@PathVariable UUID municipalityId, @PathVariable UUID subscriptionId) {
        registration.end(new MunicipalityId(municipalityId), new SubscriptionId(subscriptionId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    List<SubscriptionView> list(@PathVariable UUID municipalityId) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        return subscriptions.of(municipality).stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/{subscriptionId}")
    SubscriptionView get(@PathVariable UUID municipalityId, @PathVariable UUID subscriptionId) {
        MunicipalityId municipality =
                municipalities.require(new MunicipalityId(municipalityId)).id();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return subscriptions
                .find(municipality, id)
                .map(SubscriptionView::of)
                .orElseThrow(() -> new SubscriptionNotFound(municipality, id));
    }
}
