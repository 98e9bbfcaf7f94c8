package fr.passerelle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (docs/adr, DESIGN: package by feature) stay modules: no cycle between them, and
 * none reaches into another's internal sub-package. A new dependency that closes a cycle fails here.
 */
class ModularityTest {
    @Test
    void theFeaturePackagesDependOnEachOtherWithoutCycles() {
        ApplicationModules.of(PasserelleApplication.class).verify();
    }
}
