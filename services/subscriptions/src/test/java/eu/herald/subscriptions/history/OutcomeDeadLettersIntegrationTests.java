package eu.herald.subscriptions.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.testsupport.ContractSchemas;
import eu.herald.testsupport.TopicRecords;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.node.ObjectNode;

/**
 * Outcomes are consumed without a Kafka transaction per record: what cannot be read still goes to the dead letters,
 * and the outcomes behind it are recorded.
 */
class OutcomeDeadLettersIntegrationTests extends IntegrationTest {

    private static final String OUTCOMES = "notifications.delivery-outcomes.v1";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void deadLettersAnUnreadableOutcomeAndRecordsTheOnesAfterIt() throws Exception {
        String poison = "{not json " + UUID.randomUUID();
        UUID municipality = registerMunicipality("Miasto Martwe Listy");
        UUID endpoint = registerEmail(municipality, "urzad@martwe-listy.example");
        UUID delivery = UUID.randomUUID();
        ObjectNode outcome =
                (ObjectNode) json.readTree(ContractSchemas.examples(OUTCOMES).get("sent.json"));
        outcome.put("outcomeId", UUID.randomUUID().toString());
        outcome.put("deliveryId", delivery.toString());
        outcome.put("municipalityId", municipality.toString());
        outcome.put("endpointId", endpoint.toString());

        TopicRecords.send(broker.getBrokersAsString(), OUTCOMES, municipality.toString(), poison);
        TopicRecords.send(
                broker.getBrokersAsString(), OUTCOMES, municipality.toString(), json.writeValueAsString(outcome));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(jdbc.sql("select status from delivery where delivery_id = :id")
                                .param("id", delivery)
                                .query(String.class)
                                .optional())
                        .contains("SENT"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(TopicRecords.valuesFromStart(
                                broker.getBrokersAsString(), OUTCOMES + "-dlt", Duration.ofSeconds(5)))
                        .anySatisfy(value -> assertThat(value).isEqualTo(poison)));
    }
}
