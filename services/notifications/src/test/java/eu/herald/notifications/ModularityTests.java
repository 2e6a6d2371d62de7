package eu.herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private static final List<String> CHANNELS = List.of("email", "webpush", "webhook");

    private final ApplicationModules modules = ApplicationModules.of(NotificationsApplication.class);

    @Test
    void keepsTheModulesApartAndFreeOfCycles() {
        modules.verify();
    }

    @Test
    void hasDeliveriesRenderingTheirUpkeepAndTheChannelsAsModules() {
        assertThat(modules.stream().map(ApplicationModule::getName))
                .containsExactlyInAnyOrder(
                        "delivery", "rendering", "erasure", "replay", "retention", "email", "webpush", "webhook");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "webpush", "webhook"})
    void letsEachChannelDependOnDeliveriesAndRenderingOnly(String channel) {
        assertThat(dependenciesOf(channel)).containsExactlyInAnyOrder("delivery", "rendering");
    }

    @Test
    void letsDeliveriesDependOnNoOtherModule() {
        assertThat(dependenciesOf("delivery")).isEmpty();
    }

    @Test
    void letsRenderingDependOnDeliveriesOnly() {
        assertThat(dependenciesOf("rendering")).containsExactly("delivery");
    }

    @ParameterizedTest
    @ValueSource(strings = {"erasure", "replay", "retention"})
    void letsTheUpkeepOfTheLogDependOnDeliveriesAtMost(String module) {
        assertThat(dependenciesOf(module)).isSubsetOf("delivery");
    }

    @Test
    void letsNoModuleDependOnAChannel() {
        assertThat(modules.stream().flatMap(module -> dependenciesOf(module.getName())))
                .doesNotContainAnyElementsOf(CHANNELS);
    }

    private Stream<String> dependenciesOf(String name) {
        ApplicationModule module = modules.getModuleByName(name).orElseThrow();
        return module.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName);
    }
}
