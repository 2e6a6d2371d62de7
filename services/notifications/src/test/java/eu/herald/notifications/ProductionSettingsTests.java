package eu.herald.notifications;

import eu.herald.testsupport.ProductionSettings;
import org.junit.jupiter.api.Test;

/** What application-production.yml requires; docs/configuration.md lists the same. */
class ProductionSettingsTests {

    @Test
    void refusesToStartInProductionUntilEachRequiredVariableIsSet() {
        ProductionSettings.assertRequired(
                "HERALD_NOTIFICATIONS_WEBHOOKS_MASTERKEY", "a-master-key-of-at-least-32-characters",
                "HERALD_NOTIFICATIONS_WEBPUSH_VAPIDPUBLICKEY", "a-public-key",
                "HERALD_NOTIFICATIONS_WEBPUSH_VAPIDPRIVATEKEY", "a-private-key",
                "HERALD_NOTIFICATIONS_MAIL_FROM", "Herald <herald@city.example>",
                "HERALD_NOTIFICATIONS_WEBPUSH_SESSIONURL", "https://herald.city.example/sessions/{sessionId}");
    }
}
