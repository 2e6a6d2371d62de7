package eu.herald.subscriptions.subscription.web;

import eu.herald.subscriptions.subscription.Reminders;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Body of {@code PUT /api/municipalities/{id}/subscriptions/{subscriptionId}/reminders}.
 *
 * @param reminders how long before each session starts to recall it, as ISO-8601 durations ({@code ["PT24H",
 *     "PT1H"]}); {@code []} for none
 */
record ChangeReminders(
        @NotNull(message = "must list the lead times, [] for none")
        List<@NotNull String> reminders) {

    Reminders leads() {
        return Reminders.parse(reminders, "reminders");
    }
}
