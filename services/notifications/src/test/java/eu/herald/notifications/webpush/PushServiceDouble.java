package eu.herald.notifications.webpush;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import eu.herald.testsupport.TestTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push service for tests, over real HTTPS with a certificate made for the run. For every message it checks what
 * a real push service checks (RFC 8030, RFC 8292): the VAPID JWT's ES256 signature against the {@code k=} key,
 * that {@code k=} is the key the subscriber subscribed with, {@code aud} = this service's origin, {@code exp}
 * within 24 hours, a {@code sub} contact, {@code Content-Encoding: aes128gcm}, {@code TTL}, {@code Urgency} and
 * {@code Topic}; then it decrypts the body with the subscriber's private key. A message that fails a check is
 * answered 400 (403 for VAPID) and recorded with the problem. Answers are scripted per subscriber; 201 otherwise.
 */
public final class PushServiceDouble implements AutoCloseable {

    private static final Pattern AUTHORIZATION = Pattern.compile("vapid t=([A-Za-z0-9_.-]+), ?k=([A-Za-z0-9_-]+)");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static @Nullable PushServiceDouble shared;

    private final HttpsServer server;
    private final Path certificate;
    private final Map<String, PushSubscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    private PushServiceDouble(TestTls tls) throws IOException {
        this.certificate = tls.certificate();
        server = HttpsServer.create(new InetSocketAddress(TestTls.HOST, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/push/", this::handle);
        server.start();
    }

    /** One for the whole test JVM, so that the Spring context that trusts its certificate stays cached. */
    public static synchronized PushServiceDouble shared() {
        if (shared == null) {
            try {
                shared = new PushServiceDouble(TestTls.for127001(Files.createTempDirectory("push-service")));
            } catch (Exception e) {
                throw new IllegalStateException("the push service double did not start", e);
            }
        }
        return shared;
    }

    /** The PEM certificate to trust (e.g. {@code spring.ssl.bundle.pem.<name>.truststore.certificate}). */
    public Path certificate() {
        return certificate;
    }

    public String origin() {
        return "https://" + TestTls.HOST + ":" + server.getAddress().getPort();
    }

    /** A new browser subscription at this push service, made with the given VAPID public key. */
    public PushSubscriber subscribe(String applicationServerKey) {
        String id = UUID.randomUUID().toString();
        PushSubscriber subscriber =
                PushSubscriber.subscribe(URI.create(origin() + "/push/" + id), applicationServerKey);
        subscribers.put(id, subscriber);
        received.put(id, new CopyOnWriteArrayList<>());
        return subscriber;
    }

    /** The next answers to messages for this subscriber, in order; 201 once they are used up. */
    public void answer(PushSubscriber subscriber, Answer... next) {
        answers.computeIfAbsent(id(subscriber), ignored -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(next));
    }

    public List<Received> received(PushSubscriber subscriber) {
        return List.copyOf(received.getOrDefault(id(subscriber), List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** How the push service answers one message. */
    public record Answer(int status, @Nullable String retryAfter) {

        public static Answer status(int status) {
            return new Answer(status, null);
        }

        public static Answer retryAfter(int status, String retryAfter) {
            return new Answer(status, retryAfter);
        }
    }

    /**
     * One message as the push service saw it.
     *
     * @param problem what was wrong with it, or null when every check passed
     * @param notification the decrypted JSON, or null when it could not be decrypted
     */
    public record Received(
            Instant at,
            int answered,
            @Nullable String problem,
            @Nullable String ttl,
            @Nullable String urgency,
            @Nullable String topic,
            @Nullable JsonNode claims,
            @Nullable JsonNode notification) {}

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String id = exchange.getRequestURI().getPath().substring("/push/".length());
        PushSubscriber subscriber = subscribers.get(id);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (subscriber == null || !exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 404, null);
            return;
        }
        List<String> problems = new ArrayList<>();
        JsonNode claims = vapid(exchange, subscriber, at, problems);
        boolean vapidFailed = !problems.isEmpty();
        String ttl = exchange.getRequestHeaders().getFirst("TTL");
        String urgency = exchange.getRequestHeaders().getFirst("Urgency");
        String topic = exchange.getRequestHeaders().getFirst("Topic");
        if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            problems.add("Content-Encoding is not aes128gcm");
        }
        if (ttl == null || !ttl.matches("\\d+")) {
            problems.add("TTL is missing or not a number of seconds: " + ttl);
        }
        if (urgency != null && !List.of("very-low", "low", "normal", "high").contains(urgency)) {
            problems.add("Urgency is not one of RFC 8030's: " + urgency);
        }
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            problems.add("Topic is not at most 32 base64url characters: " + topic);
        }
        JsonNode notification = null;
        try {
            notification = JSON.readTree(new String(subscriber.decrypt(body), UTF_8));
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add("the body does not decrypt: " + e);
        }
        Answer answer = problems.isEmpty() ? next(id) : Answer.status(vapidFailed ? 403 : 400);
        received.get(id)
                .add(new Received(
                        at,
                        answer.status(),
                        problems.isEmpty() ? null : String.join("; ", problems),
                        ttl,
                        urgency,
                        topic,
                        claims,
                        notification));
        reply(exchange, answer.status(), answer.retryAfter());
    }

    private @Nullable JsonNode vapid(
            HttpExchange exchange, PushSubscriber subscriber, Instant now, List<String> problems) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher vapid = AUTHORIZATION.matcher(authorization == null ? "" : authorization);
        if (!vapid.matches()) {
            problems.add("Authorization is not 'vapid t=…, k=…': " + authorization);
            return null;
        }
        String[] jwt = vapid.group(1).split("\\.");
        String key = vapid.group(2);
        if (!key.equals(subscriber.applicationServerKey())) {
            problems.add("k= is not the key the browser subscribed with");
        }
        if (jwt.length != 3) {
            problems.add("the token is not a JWS");
            return null;
        }
        Base64.Decoder base64url = Base64.getUrlDecoder();
        try {
            JsonNode header = JSON.readTree(new String(base64url.decode(jwt[0]), UTF_8));
            if (!"ES256".equals(header.path("alg").asString())) {
                problems.add("the token is not ES256: " + header);
            }
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initVerify(PushSubscriber.publicKey(base64url.decode(key)));
            es256.update((jwt[0] + "." + jwt[1]).getBytes(UTF_8));
            if (!es256.verify(base64url.decode(jwt[2]))) {
                problems.add("the token's signature does not verify with k=");
            }
            JsonNode claims = JSON.readTree(new String(base64url.decode(jwt[1]), UTF_8));
            if (!origin().equals(claims.path("aud").asString())) {
                problems.add("aud is not this push service's origin: " + claims.path("aud"));
            }
            Instant expiry = Instant.ofEpochSecond(claims.path("exp").asLong());
            if (!expiry.isAfter(now) || expiry.isAfter(now.plus(Duration.ofHours(24)))) {
                problems.add("exp is not within the next 24 hours: " + expiry);
            }
            if (!claims.path("sub").asString().matches("(mailto:|https://)\\S+")) {
                problems.add("sub is not a mailto: or https: contact: " + claims.path("sub"));
            }
            return claims;
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add("the token cannot be read: " + e);
            return null;
        }
    }

    private Answer next(String id) {
        Queue<Answer> scripted = answers.get(id);
        Answer next = scripted == null ? null : scripted.poll();
        return next == null ? Answer.status(201) : next;
    }

    private static void reply(HttpExchange exchange, int status, @Nullable String retryAfter) throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        if (status == 201) {
            exchange.getResponseHeaders().add("Location", "/message/" + UUID.randomUUID());
        }
        exchange.sendResponseHeaders(status, -1);
        try (OutputStream ignored = exchange.getResponseBody()) {
            // no body
        }
    }

    private static String id(PushSubscriber subscriber) {
        String path = subscriber.endpoint().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
