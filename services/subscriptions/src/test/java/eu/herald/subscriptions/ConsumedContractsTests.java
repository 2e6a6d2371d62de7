package eu.herald.subscriptions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.subscriptions.history.DeliveryOutcome;
import eu.herald.subscriptions.theme.ThemeUpdated;
import eu.herald.testsupport.ContractSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every example of the topics this service consumes (besides session changes) read into its own records. */
class ConsumedContractsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsEveryExampleOfTheThemeTaxonomy() {
        Map<String, String> examples = ContractSchemas.examples("catalogue.themes.v1");
        assertThat(examples).isNotEmpty();
        try (var deserializer = new JacksonJsonDeserializer<>(ThemeUpdated.class, json, false)) {
            examples.forEach((name, example) -> {
                ThemeUpdated theme = deserializer.deserialize("catalogue.themes.v1", example.getBytes(UTF_8));
                JsonNode expected = json.readTree(example);
                assertThat(theme.slug()).as(name).isEqualTo(expected.get("slug").stringValue());
                assertThat(theme.retired())
                        .as(name)
                        .isEqualTo(expected.get("retired").asBoolean());
                assertThat(theme.labels())
                        .as(name)
                        .hasSize(expected.get("labels").size());
            });
        }
    }

    @Test
    void readsEveryExampleOfTheDeliveryOutcomes() {
        Map<String, String> examples = ContractSchemas.examples("notifications.delivery-outcomes.v1");
        assertThat(examples).isNotEmpty();
        try (var deserializer = new JacksonJsonDeserializer<>(DeliveryOutcome.class, json, false)) {
            examples.forEach((name, example) -> {
                DeliveryOutcome outcome =
                        deserializer.deserialize("notifications.delivery-outcomes.v1", example.getBytes(UTF_8));
                JsonNode expected = json.readTree(example);
                assertThat(outcome.deliveryId().toString())
                        .as(name)
                        .isEqualTo(expected.get("deliveryId").stringValue());
                assertThat(outcome.endpointId().toString())
                        .as(name)
                        .isEqualTo(expected.get("endpointId").stringValue());
                assertThat(outcome.status())
                        .as(name)
                        .isEqualTo(expected.get("status").stringValue());
                assertThat(outcome.endpointGone())
                        .as(name)
                        .isEqualTo(expected.path("endpointGone").asBoolean(false));
                assertThat(outcome.attempts())
                        .as(name)
                        .isEqualTo(expected.get("attempts").asInt());
                assertThat(outcome.kind())
                        .as(name)
                        .isEqualTo(expected.path("kind").asString("CHANGE"));
                assertThat(String.valueOf(outcome.notBefore()))
                        .as(name)
                        .isEqualTo(expected.path("notBefore").asString("null"));
                assertThat(String.valueOf(outcome.digestAt()))
                        .as(name)
                        .isEqualTo(expected.path("digestAt").asString("null"));
                assertThat(String.valueOf(outcome.lead()))
                        .as(name)
                        .isEqualTo(expected.path("lead").asString("null"));
            });
        }
    }
}
