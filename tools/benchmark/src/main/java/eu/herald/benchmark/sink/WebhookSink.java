package eu.herald.benchmark.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The webhook receiver: the JDK's HTTP server on a fixed pool of threads, one URL per endpoint
 * ({@code /hooks/<endpointId>}) so that it can derive each endpoint's secret and verify every
 * signature. A verified delivery is recorded under its {@code webhook-id} and answered {@code 204};
 * anything else is refused with {@code 401} and counted as refused.
 */
public final class WebhookSink implements AutoCloseable {

    private static final String PATH = "/hooks/";

    private volatile HttpServer server;
    private final ExecutorService threads;
    private final int port;
    private final WebhookSignatures signatures;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Receipts receipts = new Receipts();
    private volatile byte @Nullable [] lastBody;

    private WebhookSink(HttpServer server, ExecutorService threads, WebhookSignatures signatures) {
        this.server = server;
        this.threads = threads;
        this.port = server.getAddress().getPort();
        this.signatures = signatures;
    }

    public static WebhookSink start(String masterKey, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        WebhookSink sink = new WebhookSink(listen(0), pool, new WebhookSignatures(masterKey));
        sink.serve();
        return sink;
    }

    private static HttpServer listen(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the webhook sink on port " + port, e);
        }
    }

    private void serve() {
        server.createContext(PATH, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Down: the port refuses connections and the open ones are closed, as when every receiver goes away. */
    public synchronized void pause() {
        server.stop(0);
    }

    /** Up again on the same port, so that the endpoints' URLs hold. */
    public synchronized void resume() {
        server = listen(port);
        serve();
    }

    /** The URL Herald posts an endpoint's deliveries to. */
    public URI urlOf(String endpointId) {
        return URI.create("http://127.0.0.1:" + port + PATH + endpointId);
    }

    public Receipts receipts() {
        return receipts;
    }

    /** The body of the last delivery verified, or null before the first: what a bare client posts to compare. */
    public byte @Nullable [] lastBody() {
        return lastBody;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String endpointId = exchange.getRequestURI().getPath().substring(PATH.length());
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = "POST".equals(exchange.getRequestMethod())
                    && id != null
                    && timestamp != null
                    && signature != null
                    && WebhookSignatures.verify(
                            keys.computeIfAbsent(endpointId, signatures::endpointKey), id, timestamp, body, signature);
            receipts.bytes(body.length);
            if (valid) {
                lastBody = body;
                receipts.received(id);
                exchange.sendResponseHeaders(204, -1);
            } else {
                receipts.refused();
                exchange.sendResponseHeaders(401, -1);
            }
        }
    }
}
