package eu.herald.web.console.deliveries;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A delivery notifications gave up on (DEAD): to whom, of which session version, why, after how many attempts. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DeadDelivery(
        UUID deliveryId,
        UUID sessionId,
        int sessionVersion,
        String channel,
        @Nullable String address,
        @Nullable String reason,
        int attempts,
        Instant updatedAt) {}
