package eu.herald.web.api;

import eu.herald.web.WebProperties;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services, each a {@link RestClient} that sends the signed-in person's access token (taken from their
 * HTTP session, refreshed when expired) and turns an error answer into an {@link ApiProblem}. Called on a request's
 * thread: the token belongs to the person of that request.
 */
@Component
public class Services {

    private static final String REGISTRATION = "herald";

    private final RestClient catalogue;
    private final RestClient subscriptions;
    private final RestClient notifications;
    private final RestClient.Builder tokenless;
    private final URI notificationsUrl;

    Services(
            WebProperties properties,
            OAuth2AuthorizedClientManager authorizedClients,
            ObjectProvider<ObservationRegistry> observations) {
        var bearer = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        // observed, so each call carries the console request's trace (traceparent) into the services: an operator's
        // change is one trace from the click to each send
        this.tokenless = RestClient.builder()
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw problemOf(response);
                });
        RestClient.Builder relaying = tokenless.clone().requestInterceptor(bearer);
        this.notificationsUrl = properties.notificationsUrl();
        this.catalogue = client(relaying, properties.catalogueUrl());
        this.subscriptions = client(relaying, properties.subscriptionsUrl());
        this.notifications = client(relaying, properties.notificationsUrl());
    }

    private static RestClient client(RestClient.Builder builder, URI base) {
        return builder.clone().baseUrl(base.toString()).build();
    }

    static ApiProblem problemOf(ClientHttpResponse response) throws IOException {
        JsonNode body;
        try {
            body = JsonMapper.shared().readTree(response.getBody());
        } catch (RuntimeException notJson) {
            body = null;
        }
        return ApiProblem.of(response.getStatusCode(), body);
    }

    public RestClient catalogue() {
        return catalogue;
    }

    public RestClient subscriptions() {
        return subscriptions;
    }

    public RestClient notifications() {
        return notifications;
    }

    /**
     * The notifications service with an access token taken on a request's thread, for work that goes on after the
     * request, such as a stream of server-sent events polling on a background thread. The token is not refreshed:
     * the work ends when it expires, and the browser's next request brings a fresh one.
     */
    public RestClient notificationsWith(OAuth2AccessToken token) {
        return tokenless
                .clone()
                .baseUrl(notificationsUrl.toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.getTokenValue())
                .build();
    }
}
