package eu.herald.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A webhook receiver over real HTTP (or HTTPS) on the loopback interface, for tests: it records every request and answers
 * with what the test scripted for the path (204 when nothing is scripted). {@link #verify} checks a request
 * exactly as the Standard Webhooks specification tells receivers to, written independently of Herald's signer
 * so that the two can disagree.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** Receivers reject timestamps further than this from their clock (Standard Webhooks' replay protection). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** A request as received. */
    public record Received(String path, Map<String, String> headers, byte[] body, Instant at) {

        public @Nullable String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String text() {
            return new String(body, UTF_8);
        }

        /** The same request with one header replaced, e.g. to verify one of several signatures on its own. */
        public Received withHeader(String name, String value) {
            Map<String, String> changed = new java.util.HashMap<>(headers);
            changed.put(name.toLowerCase(java.util.Locale.ROOT), value);
            return new Received(path, Map.copyOf(changed), body, at);
        }

        /** The same request with another body, e.g. to see that an altered body does not verify. */
        public Received withBody(byte[] other) {
            return new Received(path, headers, other, at);
        }
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            return start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A receiver over HTTPS on 127.0.0.1, presenting the certificate of {@code tls}. */
    public static WebhookReceiver startHttps(TestTls tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(TestTls.HOST), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
            return start(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebhookReceiver start(HttpServer server) {
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /** The URL of a path on this receiver, {@code http://127.0.0.1:<port><path>} ({@code https} over TLS). */
    public URI url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers the next requests to {@code path} with these, in order; the last one keeps being given. */
    public WebhookReceiver answer(String path, Answer... answers) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    public static Answer status(int status) {
        return new Answer(status, Map.of());
    }

    public static Answer status(int status, String header, String value) {
        return new Answer(status, Map.of(header, value));
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Verifies a request as the Standard Webhooks specification describes: the signed content is
     * {@code webhook-id.webhook-timestamp.body}; the key is the base64 part of the {@code whsec_} secret; the
     * {@code webhook-signature} header holds space-separated {@code v1,<base64>} signatures, any one of which may
     * match (compared in constant time); a timestamp more than five minutes away from {@code now} is rejected.
     *
     * @return why the request is rejected, or null when it verifies
     */
    public static @Nullable String verify(Received request, String secret, Instant now) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number of seconds";
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "webhook-timestamp is too old or too new";
        }
        byte[] expected = hmac(secret, (id + "." + timestamp + ".").getBytes(UTF_8), request.body());
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return "no v1 signature matches";
    }

    /**
     * Verifies each signature of the header on its own, the first with the first secret and so on (a rotation
     * signs with the new secret, then the old one).
     *
     * @return why each signature is rejected, null for each one that verifies; one entry per signature sent
     */
    public static List<@Nullable String> verifyEachSignature(Received request, List<String> secrets, Instant now) {
        String header = request.header("webhook-signature");
        String[] signatures = header == null ? new String[0] : header.split(" ");
        List<@Nullable String> problems = new java.util.ArrayList<>();
        for (int i = 0; i < signatures.length; i++) {
            problems.add(
                    i < secrets.size()
                            ? verify(request.withHeader("webhook-signature", signatures[i]), secrets.get(i), now)
                            : "a signature without a secret to check it");
        }
        return problems;
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) ->
                            headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            received.add(new Received(
                    path, Map.copyOf(headers), exchange.getRequestBody().readAllBytes(), Instant.now()));
            Answer answer = next(path);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    private Answer next(String path) {
        Deque<Answer> answers = scripted.get(path);
        if (answers == null || answers.isEmpty()) {
            return status(204);
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
