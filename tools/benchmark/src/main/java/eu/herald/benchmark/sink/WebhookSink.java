package eu.herald.benchmark.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import eu.herald.testsupport.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The webhook receiver: the JDK's HTTP server on a fixed pool of threads, one URL per endpoint
 * ({@code /hooks/<endpointId>}) so that it can derive each endpoint's secret and verify every
 * signature. A verified delivery is recorded under its {@code webhook-id} and answered {@code 204};
 * anything else is refused with {@code 401} and counted as refused.
 *
 * <p>Plain, it is one http server on 127.0.0.1. Over TLS it is as many https servers as hosts asked for, one on
 * each of 127.0.0.2, 127.0.0.3, … (all of 127.0.0.0/8 is loopback), presenting one self-signed certificate made
 * for the run that names them all, and the endpoints are spread over them: a client opens connections, and makes
 * handshakes, to each receiver as it would to many municipalities' systems.
 */
public final class WebhookSink implements AutoCloseable {

    private static final String PATH = "/hooks/";
    /** 127.0.0.1 is where the services listen: the https receivers start after it. */
    private static final int FIRST_HOST = 2;
    /** Receivers on 127.0.0.2 to 127.0.0.254. */
    public static final int MOST_HOSTS = 253;

    /** Where each receiver listens; it keeps its address and port when it goes down and comes back. */
    private final List<InetSocketAddress> addresses;

    private volatile List<HttpServer> servers;
    private final @Nullable TestTls tls;
    private final ExecutorService threads;
    private final WebhookSignatures signatures;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Receipts receipts = new Receipts();
    private final AtomicLongArray arrivalsPerHost;
    private final AtomicLong arrivalsOverTls = new AtomicLong();
    private volatile @Nullable String tlsProtocol;
    private volatile byte @Nullable [] lastBody;

    private WebhookSink(
            List<HttpServer> servers, @Nullable TestTls tls, ExecutorService threads, WebhookSignatures signatures) {
        this.servers = List.copyOf(servers);
        this.addresses = servers.stream().map(HttpServer::getAddress).toList();
        this.tls = tls;
        this.threads = threads;
        this.signatures = signatures;
        this.arrivalsPerHost = new AtomicLongArray(servers.size());
    }

    /** Plain http on 127.0.0.1. */
    public static WebhookSink start(String masterKey, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            return serve(List.of(server), null, masterKey, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the webhook sink", e);
        }
    }

    /**
     * Https on {@code hosts} loopback addresses from 127.0.0.2, each on a free port of its own, with a certificate
     * made in {@code folder}.
     */
    public static WebhookSink startHttps(String masterKey, int threads, int hosts, Path folder) {
        if (hosts < 1 || hosts > MOST_HOSTS) {
            throw new IllegalArgumentException("from 1 to " + MOST_HOSTS + " hosts, not " + hosts);
        }
        List<String> addresses = IntStream.range(FIRST_HOST, FIRST_HOST + hosts)
                .mapToObj(host -> "127.0.0." + host)
                .toList();
        TestTls tls;
        try {
            tls = TestTls.forAddresses(folder, addresses);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the webhook sink's certificate", e);
        }
        List<HttpServer> servers = new ArrayList<>();
        try {
            for (String address : addresses) {
                HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 1024);
                server.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
                servers.add(server);
            }
        } catch (IOException e) {
            servers.forEach(server -> server.stop(0));
            throw new UncheckedIOException("cannot open the webhook sink on " + hosts + " hosts", e);
        }
        return serve(servers, tls, masterKey, threads);
    }

    private static WebhookSink serve(List<HttpServer> servers, @Nullable TestTls tls, String masterKey, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        WebhookSink sink = new WebhookSink(servers, tls, pool, new WebhookSignatures(masterKey));
        for (int host = 0; host < servers.size(); host++) {
            sink.open(servers.get(host), host);
        }
        return sink;
    }

    private void open(HttpServer server, int host) {
        server.createContext(PATH, exchange -> handle(exchange, host));
        server.setExecutor(threads);
        server.start();
    }

    /** Down: every receiver refuses connections and closes the open ones, as when they all go away at once. */
    public synchronized void pause() {
        servers.forEach(server -> server.stop(0));
    }

    /** Up again on the same addresses and ports, so that the endpoints' URLs hold. */
    public synchronized void resume() {
        List<HttpServer> reopened = new ArrayList<>();
        try {
            for (InetSocketAddress address : addresses) {
                HttpServer server;
                if (tls == null) {
                    server = HttpServer.create(address, 1024);
                } else {
                    HttpsServer https = HttpsServer.create(address, 1024);
                    https.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
                    server = https;
                }
                open(server, reopened.size());
                reopened.add(server);
            }
        } catch (IOException e) {
            reopened.forEach(server -> server.stop(0));
            throw new UncheckedIOException("cannot open the webhook sink again on " + addresses, e);
        }
        servers = List.copyOf(reopened);
    }

    /** The URL Herald posts an endpoint's deliveries to: over TLS, on one of the hosts, always the same one. */
    public URI urlOf(String endpointId) {
        InetSocketAddress address = addresses.get(Math.floorMod(endpointId.hashCode(), addresses.size()));
        return URI.create(
                scheme() + "://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH + endpointId);
    }

    public Receipts receipts() {
        return receipts;
    }

    /** The body of the last delivery verified, or null before the first: what a bare client posts to compare. */
    public byte @Nullable [] lastBody() {
        return lastBody;
    }

    /** The certificate to trust (PEM), or null over plain http. */
    public @Nullable Path certificate() {
        return tls == null ? null : tls.certificate();
    }

    /** A client's TLS context that trusts the sink's certificate alone, or null over plain http. */
    public @Nullable SSLContext clientTls() {
        return tls == null ? null : tls.client();
    }

    /** The hosts the endpoints are spread over. */
    public int hosts() {
        return servers.size();
    }

    /** How many of the hosts requests arrived at. */
    public int hostsReached() {
        int reached = 0;
        for (int host = 0; host < arrivalsPerHost.length(); host++) {
            if (arrivalsPerHost.get(host) > 0) {
                reached++;
            }
        }
        return reached;
    }

    /** Requests that arrived over TLS, verified or not. */
    public long arrivalsOverTls() {
        return arrivalsOverTls.get();
    }

    /** The TLS protocol of the first request over TLS, e.g. {@code TLSv1.3}; null before one or over http. */
    public @Nullable String tlsProtocol() {
        return tlsProtocol;
    }

    /** What the receivers are, for the results: {@code https (TLSv1.3) to 64 hosts 127.0.0.2–127.0.0.65}. */
    public String describe() {
        if (tls == null) {
            return "http to " + host(0);
        }
        return String.format(
                Locale.ROOT,
                "https (%s) to %d hosts %s–%s",
                tlsProtocol == null ? "TLS" : tlsProtocol,
                servers.size(),
                host(0),
                host(servers.size() - 1));
    }

    private String host(int index) {
        return addresses.get(index).getAddress().getHostAddress();
    }

    private String scheme() {
        return tls == null ? "http" : "https";
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange, int host) throws IOException {
        try (exchange) {
            arrivalsPerHost.incrementAndGet(host);
            if (exchange instanceof HttpsExchange https) {
                arrivalsOverTls.incrementAndGet();
                if (tlsProtocol == null) {
                    tlsProtocol = https.getSSLSession().getProtocol();
                }
            }
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
