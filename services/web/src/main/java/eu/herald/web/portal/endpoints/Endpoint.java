package eu.herald.web.portal.endpoints;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as the subscriptions service shows it.
 *
 * @param address the email address, the push service's URL or the webhook's URL
 * @param status PENDING_VERIFICATION, ACTIVE or DISABLED
 * @param secret a webhook's signing secret, only in the answer that created or rotated it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Endpoint(
        UUID id,
        String channel,
        String address,
        String status,
        @Nullable String statusReason,
        @Nullable Integer secretVersion,
        @Nullable String secret,
        @Nullable Instant verifiedAt,
        Instant createdAt) {

    /** A push service's URL is long and says nothing to a person: its host is enough. */
    public String target() {
        if (!channel.equals("WEB_PUSH")) {
            return address;
        }
        try {
            String host = java.net.URI.create(address).getHost();
            return host == null ? address : host;
        } catch (IllegalArgumentException notAUrl) {
            return address;
        }
    }
}
