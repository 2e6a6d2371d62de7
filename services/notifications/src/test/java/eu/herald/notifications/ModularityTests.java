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
    void hasRequestsTimingDeliveriesRenderingTheirUpkeepAndTheChannelsAsModules() {
        assertThat(modules.stream().map(ApplicationModule::getName))
                .containsExactlyInAnyOrder(
                        "request",
                        "timing",
                        "delivery",
                        "rendering",
                        "erasure",
                        "replay",
                        "retention",
                        "email",
                        "webpush",
                        "webhook");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "webpush", "webhook"})
    void letsEachChannelDependOnRequestsDeliveriesAndRenderingOnly(String channel) {
        assertThat(dependenciesOf(channel)).containsExactlyInAnyOrder("request", "delivery", "rendering");
    }

    @Test
    void letsTheRequestModelDependOnNoOtherModule() {
        assertThat(dependenciesOf("request")).isEmpty();
    }

    @Test
    void letsTimingDependOnTheRequestModelOnly() {
        assertThat(dependenciesOf("timing")).containsExactly("request");
    }

    @Test
    void letsDeliveriesDependOnTheRequestModelAndTimingOnly() {
        assertThat(dependenciesOf("delivery")).containsExactlyInAnyOrder("request", "timing");
    }

    @Test
    void letsRenderingDependOnTheRequestModelOnly() {
        assertThat(dependenciesOf("rendering")).containsExactly("request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"erasure", "replay", "retention"})
    void letsTheUpkeepOfTheLogDependOnRequestsAndDeliveriesAtMost(String module) {
        assertThat(dependenciesOf(module)).isSubsetOf("request", "delivery");
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
