package eu.herald.egress;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Posts to receivers' systems (webhook endpoints, push services) through the guard. The client's resolver resolves
 * each host, checks every address with the {@link AddressGuard} and hands the connection only the checked ones, so
 * a name that changed its address since registration is caught, and the connection goes to the address that was
 * checked. Redirects are not followed (a redirect could lead anywhere), nothing is retried by the client (the
 * delivery log retries), and connections are pooled with at most {@code maxPerHost} per destination, which bounds
 * the load Herald puts on one receiver.
 */
public final class GuardedHttpClient implements AutoCloseable {

    /**
     * @param allowHttp accept plain http URLs (local development and tests only)
     * @param connectTimeout the longest wait to connect
     * @param timeout the longest wait for each read and for a pooled connection
     * @param maxPerHost connections (and so requests at once) per destination scheme, host and port
     * @param maxTotal connections in all
     * @param userAgent what the receivers see in {@code User-Agent}
     */
    public record Settings(
            boolean allowHttp,
            Duration connectTimeout,
            Duration timeout,
            int maxPerHost,
            int maxTotal,
            String userAgent) {}

    private final AddressGuard guard;
    private final Settings settings;
    private final AddressGuard.Resolver resolver;
    private final CloseableHttpClient client;

    /**
     * @param tls the trust material for https receivers; null for the JVM's default
     */
    public GuardedHttpClient(
            AddressGuard guard, Settings settings, AddressGuard.Resolver resolver, @Nullable SSLContext tls) {
        this.guard = guard;
        this.settings = settings;
        this.resolver = resolver;
        Timeout timeout = Timeout.of(settings.timeout());
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedResolver(guard, resolver))
                .setMaxConnPerRoute(settings.maxPerHost())
                .setMaxConnTotal(settings.maxTotal())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(timeout)
                        .build());
        if (tls != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        this.client = HttpClients.custom()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .build();
    }

    /**
     * Checks a URL before it is registered or used: the scheme and every address of its host.
     *
     * @throws DestinationRefused when the guard refuses it
     * @throws UnknownHostException when its name does not resolve
     */
    public void check(URI url) throws UnknownHostException {
        host(url);
        guard.resolve(url.getHost(), resolver);
    }

    /**
     * Posts {@code body} with the given headers and reads the answer.
     *
     * @throws DestinationRefused when the guard refuses the URL or an address of its host
     * @throws IOException when there is no answer (connection refused, timeout, TLS failure)
     */
    public ReceiverResponse post(URI url, Map<String, String> headers, byte[] body, String contentType)
            throws IOException {
        host(url);
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        long started = System.nanoTime();
        return client.execute(post, response -> {
            String excerpt = excerpt(response.getEntity());
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new ReceiverResponse(
                    response.getCode(),
                    retryAfter == null ? null : retryAfter.getValue(),
                    excerpt,
                    Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /** The start of the answer for the delivery log; the rest is read and dropped so the connection is reused. */
    private static String excerpt(@Nullable HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] start = in == null ? new byte[0] : in.readNBytes(ReceiverResponse.EXCERPT);
            EntityUtils.consume(entity);
            // at most EXCERPT bytes, so never more characters
            return new String(start, StandardCharsets.UTF_8).strip();
        }
    }

    private void host(URI url) throws DestinationRefused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(settings.allowHttp() && scheme.equals("http"))) {
            throw new DestinationRefused(
                    settings.allowHttp() ? "only http and https URLs are allowed" : "only https URLs are allowed");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new DestinationRefused("the URL has no host");
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** Resolves through the guard: only checked addresses reach the connection. */
    private record GuardedResolver(AddressGuard guard, AddressGuard.Resolver resolver) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return guard.resolve(host, resolver).toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            // only the Kerberos/SPNEGO scheme asks for it, which neither webhooks nor push services use
            return host;
        }
    }
}
