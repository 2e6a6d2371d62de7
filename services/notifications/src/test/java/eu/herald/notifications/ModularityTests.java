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
                .containsExactlyInAnyOrder("delivery", "email", "webpush", "webhook");
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
        assertThatOnly("webpush").dependsOn("delivery", "email");
    }

    @Test
    void letsTheWebhookNotifierUseDeliveriesAndTheEmailsLocalTimesOnly() {
        assertThatOnly("webhook").dependsOn("delivery", "email");
    }

    /** The notifier module uses exactly these modules, and no other module uses it. */
    private NotifierDependencies assertThatOnly(String notifier) {
        return allowed -> {
            ApplicationModule module = modules.getModuleByName(notifier).orElseThrow();
            assertThat(module.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
                    .containsExactlyInAnyOrder(allowed);
            assertThat(modules.stream()
                            .filter(other -> other != module)
                            .flatMap(other ->
                                    other.getDirectDependencies(modules).uniqueModules())
                            .map(ApplicationModule::getName))
                    .doesNotContain(notifier);
        };
    }

    private interface NotifierDependencies {
        void dependsOn(String... modules);
    }
}
