package eu.herald.security;

import eu.herald.security.HeraldSecurityProperties.Limit;
import eu.herald.security.HeraldSecurityProperties.WriteLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the writes of each client (of each person, for a client that signs people in), and of all clients of one
 * municipality together, with a token bucket
 * per key in this instance's memory; a request over either limit gets 429 with {@code Retry-After} (whole
 * seconds) and nothing is done. Runs after authentication: anonymous writes are refused anyway, and reads
 * are not limited here. With several replicas each one counts on its own (see ADR 14).
 */
final class WriteRateLimiter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Buckets of clients gone quiet are dropped once this many keys are tracked. */
    private static final int FORGET_FULL_BUCKETS_ABOVE = 10_000;

    private final WriteLimits limits;
    private final Problems problems;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    WriteRateLimiter(WriteLimits limits, Problems problems, LongSupplier nanoTime) {
        this.limits = limits;
        this.problems = problems;
        this.nanoTime = nanoTime;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Caller.current();
        if (caller.isPresent()) {
            Duration wait = waitFor(caller.get());
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problems.write(
                        request,
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many writes; retry after " + seconds + " s");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Duration waitFor(Caller caller) {
        // a person signed in through a shared client (the web application) counts on their own, not for everyone
        Duration client =
                bucket("caller:" + caller.name(), limits.of(caller.clientId())).take();
        if (!client.isZero()) {
            return client;
        }
        UUID tenant = caller.municipalityId();
        return tenant == null
                ? Duration.ZERO
                : bucket("tenant:" + tenant, limits.perTenant()).take();
    }

    private TokenBucket bucket(String key, Limit limit) {
        if (buckets.size() > FORGET_FULL_BUCKETS_ABOVE) {
            buckets.values().removeIf(TokenBucket::isFull);
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit.requests(), limit.per(), nanoTime));
    }
}
