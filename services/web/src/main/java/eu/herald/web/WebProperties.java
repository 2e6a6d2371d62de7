package eu.herald.web;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the web application finds the authorization server and the three services.
 *
 * @param issuer the authorization server, as the browser reaches it and as the tokens name it
 * @param clientId this application's client at the authorization server
 * @param clientSecret its secret ({@code ./herald-local} generates it in {@code .herald/authorization})
 * @param catalogueUrl the catalogue's base URL
 * @param subscriptionsUrl the subscriptions service's base URL
 * @param notificationsUrl the notifications service's base URL
 */
@ConfigurationProperties("herald.web")
@Validated
public record WebProperties(
        @DefaultValue("http://localhost:9000") URI issuer,
        @DefaultValue("herald-web") String clientId,
        @NotBlank String clientSecret,
        @DefaultValue("http://localhost:8081") URI catalogueUrl,
        @DefaultValue("http://localhost:8082") URI subscriptionsUrl,
        @DefaultValue("http://localhost:8083") URI notificationsUrl) {}
