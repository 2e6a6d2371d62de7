package eu.herald.web.portal.subscriptions;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as its row shows it.
 *
 * @param name the theme's label, the event's name or the session's title; null when the catalogue no longer has it
 * @param reminders the lead times in words
 * @param leads the same lead times as the API writes them ({@code PT1H}), to tick them in the form that changes them
 */
record SubscriptionRow(
        UUID id,
        String type,
        @Nullable String name,
        List<String> changeKinds,
        List<String> reminders,
        List<String> leads) {}
