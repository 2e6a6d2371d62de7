package eu.herald.subscriptions.subscription.web;

import eu.herald.subscriptions.subscription.ChangeKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/municipalities/{id}/subscriptions}.
 *
 * @param changeKinds the kinds of change that notify; omitted means all of them
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
                changeKinds) {

    Set<ChangeKind> kinds() {
        if (changeKinds == null) {
            return ChangeKind.all();
        }
        return changeKinds.stream()
                .map(ChangeKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChangeKind.class)));
    }
}
