package eu.herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(NotificationsApplication.class);

    @Test
    void keepsTheModulesApartAndFreeOfCycles() {
        modules.verify();
    }

    @Test
    void hasTheDeliveryLogAndTheNotifiersAsModules() {
        assertThat(modules.stream().map(ApplicationModule::getName))
                .containsExactlyInAnyOrder("delivery", "email", "webhook");
    }

    @Test
    void letsTheEmailNotifierDependOnDeliveriesButNotTheOtherWayRound() {
        ApplicationModule delivery = modules.getModuleByName("delivery").orElseThrow();
        ApplicationModule email = modules.getModuleByName("email").orElseThrow();

        assertThat(email.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
                .containsExactly("delivery");
        assertThat(delivery.getDirectDependencies(modules).uniqueModules()).isEmpty();
    }

    @Test
    void letsTheWebhookNotifierUseDeliveriesAndTheEmailsLocalTimesOnly() {
        ApplicationModule webhook = modules.getModuleByName("webhook").orElseThrow();

        assertThat(webhook.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
                .containsExactlyInAnyOrder("delivery", "email");
    }
}
