package eu.herald.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The three services' APIs as the pages' tests need them: an answer per method and path (anything else 404), and
 * every request as it came (method, path, If-Match, body, Authorization). One JDK HTTP server stands for catalogue,
 * subscriptions and notifications.
 */
public final class ServiceStub implements AutoCloseable {

    record Answer(int status, String body) {}

    public record Request(String method, String path, String ifMatch, String body, String authorization) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** Every request so far, oldest first. */
    public final List<Request> received = new CopyOnWriteArrayList<>();

    public ServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** @param call e.g. {@code "GET /api/sessions/…"}, without the query */
    public void answer(String call, int status, String body) {
        answers.put(call, new Answer(status, body));
    }

    public List<Request> requests(String method, String path) {
        return received.stream()
                .filter(request ->
                        request.method().equals(method) && request.path().equals(path))
                .toList();
    }

    public Request last() {
        return received.get(received.size() - 1);
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(new Request(
                method,
                path,
                exchange.getRequestHeaders().getFirst("If-Match"),
                body,
                authorization == null ? "" : authorization));
        Answer answer = answers.getOrDefault(
                method + " " + path, new Answer(404, "{\"title\": \"Not Found\", \"status\": 404}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", answer.status() < 400 ? "application/json" : "application/problem+json");
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
