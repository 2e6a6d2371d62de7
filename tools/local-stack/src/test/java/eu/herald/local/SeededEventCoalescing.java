package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests change the seeded session seconds apart and expect each change to go out at once: the operators of its
 * event turn coalescing off for it, as they would for an event whose every change is urgent.
 */
final class SeededEventCoalescing {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SeededEventCoalescing() {}

    /** Sets the coalescing window of the seeded session's event to nothing, with an operator's token. */
    static void turnOff(LocalStack herald) throws IOException {
        try {
            URI session = herald.service("catalogue").url().resolve("/api/sessions/" + SeededSession.ID);
            String event = JsonMapper.shared()
                    .readTree(HTTP.send(HttpRequest.newBuilder(session).build(), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("eventId")
                    .asString();
            HttpResponse<String> set = HTTP.send(
                    HttpRequest.newBuilder(herald.service("notifications")
                                    .url()
                                    .resolve("/api/events/" + event + "/coalescing-window"))
                            .header("Authorization", "Bearer " + herald.accessToken("herald-operator"))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"window\": \"PT0S\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
