package eu.herald.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import eu.herald.testsupport.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A push service on this machine, as a browser's push subscription names one: HTTPS on 127.0.0.1 with a self-signed
 * certificate made for this run ({@link TestTls}), which the notifications service is told to trust (and nothing
 * else). It accepts every message with 201, as a push service does, and keeps what it received.
 */
final class PushReceiver implements AutoCloseable {

    /** A message as it arrived: the path, the VAPID {@code Authorization} header and the encrypted body's size. */
    record Received(
            String path,
            @Nullable String authorization,
            @Nullable String contentEncoding,
            int bytes) {}

    private final HttpsServer server;
    private final Path certificate;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private PushReceiver(HttpsServer server, Path certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    static PushReceiver start(Path folder) {
        try {
            TestTls tls = TestTls.for127001(folder);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(TestTls.HOST), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
            PushReceiver receiver = new PushReceiver(server, tls.certificate());
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (Exception e) {
            throw new IllegalStateException("the push receiver did not start", e);
        }
    }

    /** {@code https://127.0.0.1:<port><path>}, a push subscription's endpoint. */
    URI url(String path) {
        return URI.create("https://" + TestTls.HOST + ":" + server.getAddress().getPort() + path);
    }

    /** The certificate alone, PEM: the trust material of the notifications service's SSL bundle. */
    Path certificate() {
        return certificate;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            byte[] content = body.readAllBytes();
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Encoding"),
                    content.length));
            exchange.getResponseHeaders()
                    .add("Location", exchange.getRequestURI().getPath() + "/message");
            exchange.sendResponseHeaders(201, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
