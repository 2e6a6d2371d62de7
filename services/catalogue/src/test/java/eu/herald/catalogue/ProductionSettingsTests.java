package eu.herald.catalogue;

import eu.herald.testsupport.ProductionSettings;
import org.junit.jupiter.api.Test;

/** What application-production.yml requires; docs/configuration.md lists the same. */
class ProductionSettingsTests {

    @Test
    void refusesToStartInProductionUntilEachRequiredVariableIsSet() {
        ProductionSettings.assertRequired("HERALD_CATALOGUE_CALENDAR_ORGANIZER", "events@city.example");
    }
}
