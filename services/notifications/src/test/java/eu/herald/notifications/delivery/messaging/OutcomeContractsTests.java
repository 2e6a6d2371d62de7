package eu.herald.notifications.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.testsupport.ContractSchemas;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contracts this service owns: every example conforms to its schema. */
class OutcomeContractsTests {

    @ParameterizedTest
    @ValueSource(strings = {Topics.OUTCOMES, Topics.DELIVERIES_DEAD_LETTERS})
    void everyExampleConformsToItsSchema(String topic) {
        Map<String, String> examples = ContractSchemas.examples(topic);

        assertThat(examples).isNotEmpty();
        examples.values().forEach(json -> ContractSchemas.assertConforms(topic, json));
    }
}
