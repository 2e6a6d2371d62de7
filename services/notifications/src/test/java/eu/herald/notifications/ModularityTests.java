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
                .containsExactlyInAnyOrder("delivery", "email", "webpush");
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
    void letsTheWebPushNotifierUseTheEmailsWordingButNothingDependOnIt() {
        ApplicationModule webPush = modules.getModuleByName("webpush").orElseThrow();

        assertThat(webPush.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
                .containsExactlyInAnyOrder("delivery", "email");
        assertThat(modules.stream()
                        .filter(module -> module != webPush)
                        .flatMap(module -> module.getDirectDependencies(modules).uniqueModules())
                        .map(ApplicationModule::getName))
                .doesNotContain("webpush");
    }
}
