package eu.herald.web;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the web application finds the authorization server and the three services.
 *
 * @param issuer the authorization server, as the browser reaches it and as the tokens name it
 * @param backchannelUrl where this application itself reaches the authorization server for tokens and keys, when
 *     that differs from the issuer (in Compose the browser uses localhost:9000, the container authorization-server:9000)
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
        @Nullable URI backchannelUrl,
        @DefaultValue("herald-web") String clientId,
        @NotBlank String clientSecret,
        @DefaultValue("http://localhost:8081") URI catalogueUrl,
        @DefaultValue("http://localhost:8082") URI subscriptionsUrl,
        @DefaultValue("http://localhost:8083") URI notificationsUrl) {

    /** The base of the token and key endpoints, as this application calls them. */
    public String backchannel() {
        return withoutSlash(backchannelUrl != null ? backchannelUrl : issuer);
    }

    /** The issuer as the browser is sent to it and as the tokens name it. */
    public String issuerUrl() {
        return withoutSlash(issuer);
    }

    private static String withoutSlash(URI uri) {
        String url = uri.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
