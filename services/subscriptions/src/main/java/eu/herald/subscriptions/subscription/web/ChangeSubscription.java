package eu.herald.subscriptions.subscription.web;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.subscription.ChangeKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/municipalities/{id}/subscriptions/{subscriptionId}}: the new change kinds,
 * endpoints and language (omitted: all kinds, all active endpoints, no override). The selector of a
 * subscription does not change: end it and start another.
 */
record ChangeSubscription(
        @Nullable @Size(min = 1, message = "must name at least one kind, or be left out for all kinds")
        List<
                        @NotNull
                        @Pattern(
                                regexp = "PUBLISHED|RESCHEDULED|RELOCATED|UPDATED|CANCELLED",
                                message = "must be PUBLISHED, RESCHEDULED, RELOCATED, UPDATED or CANCELLED")
                        String>
                changeKinds,

        @Nullable @Size(min = 1, message = "must name at least one endpoint, or be left out for all active ones")
        List<@NotNull UUID> endpointIds,

        @Nullable String language) {

    Set<ChangeKind> kinds() {
        return Subscribe.kinds(changeKinds);
    }

    @Nullable
    Set<EndpointId> endpoints() {
        return Subscribe.endpoints(endpointIds);
    }
}
