package eu.herald.catalogue;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class CatalogueModulesTests {

    @Test
    void modulesOnlyUseEachOthersPublicApisWithoutCycles() {
        ApplicationModules.of(CatalogueApplication.class).verify();
    }
}
