package eu.herald.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts signed webhooks (Standard Webhooks v1) through the guard. The client's resolver resolves each host,
 * checks every address with the {@link AddressGuard} and hands the connection only the checked ones, so a name
 * that changed its address since registration is caught, and the connection goes to the address that was
 * checked. Redirects are not followed (a redirect could lead anywhere), nothing is retried by the client (the
 * delivery log retries), and connections are pooled with at most {@code maxPerHost} per destination, which
 * bounds the load Herald puts on one receiver.
 */
public final class WebhookSender implements AutoCloseable {

    /**
     * @param allowHttp accept plain http URLs (local development and tests only)
     * @param timeout the longest wait to connect, for each read and for a pooled connection
     * @param maxPerHost connections (and so requests at once) per destination scheme, host and port
     * @param maxTotal connections in all
     */
    public record Settings(boolean allowHttp, Duration timeout, int maxPerHost, int maxTotal) {}

    private final AddressGuard guard;
    private final Settings settings;
    private final AddressGuard.Resolver resolver;
    private final CloseableHttpClient client;

    public WebhookSender(AddressGuard guard, Settings settings) {
        this(guard, settings, AddressGuard.Resolver.SYSTEM);
    }

    public WebhookSender(AddressGuard guard, Settings settings, AddressGuard.Resolver resolver) {
        this.guard = guard;
        this.settings = settings;
        this.resolver = resolver;
        Timeout timeout = Timeout.of(settings.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(guard, resolver))
                        .setMaxConnPerRoute(settings.maxPerHost())
                        .setMaxConnTotal(settings.maxTotal())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Herald-Webhooks/1.0")
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
     * Posts one webhook, signed with each of {@code secrets} (the current one first).
     *
     * @param id the {@code webhook-id}: the same on every attempt of one message, so receivers can deduplicate
     * @throws DestinationRefused when the guard refuses the URL or an address of its host
     * @throws IOException when there is no answer (connection refused, timeout, TLS failure)
     */
    public WebhookResponse post(
            URI url, String id, Instant timestamp, byte[] body, String contentType, List<String> secrets)
            throws IOException {
        host(url);
        long seconds = timestamp.getEpochSecond();
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", id);
        post.setHeader("webhook-timestamp", Long.toString(seconds));
        post.setHeader("webhook-signature", WebhookSignatures.header(secrets, id, seconds, body));
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        long started = System.nanoTime();
        return client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new WebhookResponse(
                    response.getCode(),
                    retryAfter == null ? null : retryAfter.getValue(),
                    Duration.ofNanos(System.nanoTime() - started));
        });
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
            // only the Kerberos/SPNEGO scheme asks for it, which a webhook never uses
            return host;
        }
    }
}
