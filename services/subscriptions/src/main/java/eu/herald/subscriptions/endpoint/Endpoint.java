package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.municipality.MunicipalityId;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a municipality receives notifications.
 *
 * @param address the email address for EMAIL; the push service or webhook URL for the others
 * @param statusReason why the endpoint is in its status, when that is not obvious
 */
public record Endpoint(
        EndpointId id,
        MunicipalityId municipalityId,
        Channel channel,
        String address,
        EndpointStatus status,
        @Nullable String statusReason,
        Instant createdAt) {

    /**
     * An email endpoint, active at once. When double opt-in arrives it starts PENDING_VERIFICATION
     * and becomes ACTIVE on confirmation; the status column already allows for it.
     */
    static Endpoint email(MunicipalityId municipality, String address, Clock clock) {
        return new Endpoint(
                EndpointId.generate(),
                municipality,
                Channel.EMAIL,
                address.strip(),
                EndpointStatus.ACTIVE,
                null,
                clock.instant());
    }
}
