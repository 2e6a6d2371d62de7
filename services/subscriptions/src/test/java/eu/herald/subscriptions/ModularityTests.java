package eu.herald.subscriptions;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(SubscriptionsApplication.class).verify();
    }
}
