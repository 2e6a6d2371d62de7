package eu.herald.subscriptions;

import eu.herald.testsupport.ProductionSettings;
import org.junit.jupiter.api.Test;

/** What application-production.yml requires; docs/configuration.md lists the same. */
class ProductionSettingsTests {

    @Test
    void refusesToStartInProductionUntilEachRequiredVariableIsSet() {
        ProductionSettings.assertRequired(
                "HERALD_SUBSCRIPTIONS_WEBHOOKS_MASTERKEY", "a-master-key-of-at-least-32-characters",
                "HERALD_SUBSCRIPTIONS_UNSUBSCRIBE_SECRET", "a-link-secret-of-at-least-32-characters",
                "HERALD_SUBSCRIPTIONS_WEBPUSH_VAPIDPUBLICKEY", IntegrationTest.VAPID_PUBLIC_KEY,
                "HERALD_SUBSCRIPTIONS_UNSUBSCRIBE_BASEURL", "https://herald.city.example",
                "HERALD_SUBSCRIPTIONS_VERIFICATION_FROM", "Herald <herald@city.example>");
    }
}
