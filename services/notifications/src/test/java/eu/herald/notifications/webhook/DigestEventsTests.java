package eu.herald.notifications.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.SeedDigests;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.EndpointId;
import eu.herald.testsupport.ContractSchemas;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The digest webhook against its contract, {@code contracts/webhooks.session-digest.v1}. */
class DigestEventsTests {

    private static final String CONTRACT = WebhookRemindersAndDigestsIntegrationTests.DIGESTS;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesDigestsThatConformToTheContractInEveryLanguage() {
        DigestEvents events = new DigestEvents(new SessionChangeEvents(JSON));

        for (Digest digest : List.of(
                SeedDigests.digest(SeedRequests.plock()),
                SeedDigests.digest(SeedRequests.fundao()),
                SeedDigests.digest(SeedRequests.inEnglish()))) {
            byte[] body = events.render(DeliveryId.digest(new EndpointId(UUID.randomUUID()), digest.at()), digest);

            ContractSchemas.assertConforms(CONTRACT, new String(body, UTF_8));
        }
    }

    @Test
    void theContractsExamplesConformAndCarryEachChangeAsASingleChangeEventDoes() {
        Map<String, String> examples = ContractSchemas.examples(CONTRACT);

        assertThat(examples).isNotEmpty();
        examples.forEach((name, json) -> {
            assertThat(ContractSchemas.violations(CONTRACT, json)).as(name).isEmpty();
            JsonNode changes = JSON.readTree(json).get("data").get("changes");
            assertThat(changes.valueStream()
                            .map(change -> change.get("session").get("title").get("en")))
                    .as(name)
                    .allSatisfy(title -> assertThat(title.asString()).isNotBlank());
        });
    }

    @Test
    void theContractRejectsADigestWithoutChanges() {
        String empty = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":"
                + "\"eu.herald.session.digest.v1\",\"source\":\"/herald/notifications\",\"subject\":\""
                + UUID.randomUUID() + "\",\"time\":\"2022-10-06T06:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"digestAt\":\"2022-10-06T06:00:00Z\",\"changes\":[]}}";

        assertThat(ContractSchemas.violations(CONTRACT, empty)).isNotEmpty();
    }
}
