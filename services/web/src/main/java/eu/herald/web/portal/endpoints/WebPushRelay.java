package eu.herald.web.portal.endpoints;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.api.Services;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * This browser's push subscription, posted by {@code /js/push.js} with the CSRF header, registered as a WEB_PUSH
 * endpoint of the municipality with the signed-in person's token: the browser never holds a token. A refusal is
 * answered as the service's problem details, which the script shows.
 */
@RestController
class WebPushRelay {

    private final Services services;

    WebPushRelay(Services services) {
        this.services = services;
    }

    /** @param subscription {@code pushSubscription.toJSON()}: endpoint, expirationTime, keys {p256dh, auth} */
    @PostMapping(
            path = "/municipalities/{municipalityId}/endpoints/web-push",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Endpoint> register(
            @PathVariable UUID municipalityId, @RequestBody Map<String, Object> subscription) {
        Endpoint endpoint = services.subscriptions()
                .post()
                .uri("/api/municipalities/{id}/endpoints", municipalityId)
                .body(Map.of("channel", "WEB_PUSH", "subscription", subscription))
                .retrieve()
                .body(Endpoint.class);
        return ResponseEntity.status(HttpStatus.CREATED).body(Objects.requireNonNull(endpoint));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem problem) {
        ProblemDetail answer = ProblemDetail.forStatus(problem.status());
        answer.setTitle(problem.title());
        answer.setDetail(problem.detail());
        if (!problem.errors().isEmpty()) {
            answer.setProperty("errors", problem.errors());
        }
        return ResponseEntity.status(problem.status()).body(answer);
    }
}
