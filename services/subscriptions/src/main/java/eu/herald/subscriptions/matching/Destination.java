package eu.herald.subscriptions.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One active endpoint a request is delivered to.
 *
 * @param channel EMAIL, WEB_PUSH or WEBHOOK
 * @param address the email address for EMAIL
 * @param unsubscribeUrl signed one-click unsubscribe link (RFC 8058); not issued yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Destination(
        UUID endpointId,
        String channel,
        @Nullable String address,
        @Nullable String unsubscribeUrl) {}
