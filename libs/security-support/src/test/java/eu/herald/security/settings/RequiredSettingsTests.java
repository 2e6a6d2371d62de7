package eu.herald.security.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsTests {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("herald.required-settings[0]", "herald.demo.webhooks.master-key")
            .withProperty("herald.required-settings[1]", "herald.demo.unsubscribe.base-url")
            .withProperty("herald.required-settings[2]", "herald.demo.mail.from");

    @Test
    void namesTheEnvironmentVariableOfEachMissingOrBlankSettingInOrder() {
        environment.setProperty("herald.demo.mail.from", " ");

        MissingSettingsException missing = check();

        assertThat(missing.environmentVariables())
                .containsExactly(
                        "HERALD_DEMO_WEBHOOKS_MASTERKEY", "HERALD_DEMO_UNSUBSCRIBE_BASEURL", "HERALD_DEMO_MAIL_FROM");
        assertThat(missing)
                .hasMessageContaining("set HERALD_DEMO_UNSUBSCRIBE_BASEURL (herald.demo.unsubscribe.base-url)");
    }

    @Test
    void takesASettingFromItsEnvironmentVariable() {
        environment.setProperty("herald.demo.webhooks.master-key", "a key");
        environment.setProperty("herald.demo.mail.from", "herald@city.example");
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("HERALD_DEMO_UNSUBSCRIBE_BASEURL", "https://herald.city.example")));

        assertThatNoException()
                .isThrownBy(() -> new RequiredSettings().postProcessEnvironment(environment, new SpringApplication()));
    }

    @Test
    void requiresNothingUnlessSettingsAreNamed() {
        assertThatNoException()
                .isThrownBy(() ->
                        new RequiredSettings().postProcessEnvironment(new MockEnvironment(), new SpringApplication()));
    }

    @Test
    void tellsTheOperatorWhichVariablesToSet() {
        MissingSettingsException missing = check();

        FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(missing);

        assertThat(analysis.getAction())
                .contains("HERALD_DEMO_WEBHOOKS_MASTERKEY", "HERALD_DEMO_UNSUBSCRIBE_BASEURL", "HERALD_DEMO_MAIL_FROM");
    }

    private MissingSettingsException check() {
        return catchThrowableOfType(
                MissingSettingsException.class,
                () -> new RequiredSettings().postProcessEnvironment(environment, new SpringApplication()));
    }
}
