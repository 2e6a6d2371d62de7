package eu.herald.subscriptions.subscription.web;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.subscription.ChangeKind;
import eu.herald.subscriptions.subscription.Reminders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/municipalities/{id}/subscriptions}.
 *
 * @param changeKinds the kinds of change that notify; omitted means all of them
 * @param endpointIds the endpoints to notify; omitted means every active endpoint
 * @param language a language overriding the municipality's for this subscription; omitted for none
 * @param reminders how long before each session it brings starts to recall it, as ISO-8601 durations
 *     ({@code ["PT24H", "PT1H"]}); omitted for none
 */
record Subscribe(
        @NotNull @Valid SelectorInput selector,

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

        @Nullable String language,

        @Nullable List<@NotNull String> reminders) {

    Set<ChangeKind> kinds() {
        return kinds(changeKinds);
    }

    Reminders leads() {
        return Reminders.parse(reminders, "reminders");
    }

    @Nullable
    Set<EndpointId> endpoints() {
        return endpoints(endpointIds);
    }

    static Set<ChangeKind> kinds(@Nullable List<String> changeKinds) {
        if (changeKinds == null) {
            return ChangeKind.all();
        }
        return changeKinds.stream()
                .map(ChangeKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChangeKind.class)));
    }

    static @Nullable Set<EndpointId> endpoints(@Nullable List<UUID> endpointIds) {
        return endpointIds == null
                ? null
                : endpointIds.stream().map(EndpointId::new).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
