package eu.herald.web.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services' APIs as a test needs them: each "METHOD /path" answers what the test set, anything else 404; every
 * request is kept with its body and Authorization header.
 */
final class ServiceStub implements AutoCloseable {

    record Answer(int status, String json) {}

    record Received(String method, String path, String body, String authorization) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    ServiceStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String request, int status, String json) {
        answers.put(request, new Answer(status, json));
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    void reset() {
        answers.clear();
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(new Received(exchange.getRequestMethod(), path, body, authorization == null ? "" : authorization));
        Answer answer = answers.getOrDefault(
                exchange.getRequestMethod() + " " + path, new Answer(404, "{\"title\":\"Not Found\",\"status\":404}"));
        byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), json.length);
            exchange.getResponseBody().write(json);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
