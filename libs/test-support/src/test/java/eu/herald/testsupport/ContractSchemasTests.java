package eu.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractSchemasTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "catalogue.session-changes.v1",
                "subscriptions.notification-requests.v1",
                "notifications.delivery-outcomes.v1",
                "webhooks.session-digest.v1"
            })
    void everyExampleConformsToItsTopicSchema(String topic) {
        var examples = ContractSchemas.examples(topic);

        assertThat(examples).isNotEmpty();
        examples.forEach((name, json) ->
                assertThat(ContractSchemas.violations(topic, json)).as(name).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "catalogue.session-changes.v1",
                "subscriptions.notification-requests.v1",
                "notifications.delivery-outcomes.v1"
            })
    void rejectsAMessageMissingRequiredProperties(String topic) {
        List<String> violations = ContractSchemas.violations(topic, "{\"unexpected\": true}");

        assertThat(violations).isNotEmpty();
        assertThatThrownBy(() -> ContractSchemas.assertConforms(topic, "{}")).isInstanceOf(AssertionError.class);
    }
}
