package eu.herald.egress;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Posts signed webhooks (Standard Webhooks v1) through the {@link GuardedHttpClient}: the guard checks every
 * address the connection goes to, redirects are not followed, nothing is retried by the client (the delivery log
 * retries), and at most {@code maxPerHost} connections go to one receiver.
 */
public final class WebhookSender implements AutoCloseable {

    /**
     * @param allowHttp accept plain http URLs (local development and tests only)
     * @param timeout the longest wait to connect, for each read and for a pooled connection
     * @param maxPerHost connections (and so requests at once) per destination scheme, host and port
     * @param maxTotal connections in all
     */
    public record Settings(boolean allowHttp, Duration timeout, int maxPerHost, int maxTotal) {}

    private final GuardedHttpClient client;

    public WebhookSender(AddressGuard guard, Settings settings) {
        this(guard, settings, AddressGuard.Resolver.SYSTEM);
    }

    public WebhookSender(AddressGuard guard, Settings settings, AddressGuard.Resolver resolver) {
        this(guard, settings, resolver, null);
    }

    /**
     * @param tls the trust material for https receivers (a receiver whose certificate a private authority
     *     signed); null for the JVM's default
     */
    public WebhookSender(
            AddressGuard guard, Settings settings, AddressGuard.Resolver resolver, @Nullable SSLContext tls) {
        this.client = new GuardedHttpClient(
                guard,
                new GuardedHttpClient.Settings(
                        settings.allowHttp(),
                        settings.timeout(),
                        settings.timeout(),
                        settings.maxPerHost(),
                        settings.maxTotal(),
                        "Herald-Webhooks/1.0"),
                resolver,
                tls);
    }

    /**
     * Checks a URL before it is registered or used: the scheme and every address of its host.
     *
     * @throws DestinationRefused when the guard refuses it
     * @throws UnknownHostException when its name does not resolve
     */
    public void check(URI url) throws UnknownHostException {
        client.check(url);
    }

    /**
     * Posts one webhook, signed with each of {@code secrets} (the current one first).
     *
     * @param id the {@code webhook-id}: the same on every attempt of one message, so receivers can deduplicate
     * @throws DestinationRefused when the guard refuses the URL or an address of its host
     * @throws IOException when there is no answer (connection refused, timeout, TLS failure)
     */
    public ReceiverResponse post(
            URI url, String id, Instant timestamp, byte[] body, String contentType, List<String> secrets)
            throws IOException {
        long seconds = timestamp.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(seconds));
        headers.put("webhook-signature", WebhookSignatures.header(secrets, id, seconds, body));
        return client.post(url, headers, body, contentType);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
