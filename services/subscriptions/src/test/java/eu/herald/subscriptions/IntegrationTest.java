package eu.herald.subscriptions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.testsupport.TestPostgres;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against a real PostgreSQL and a real (embedded KRaft) Kafka broker, with the
 * demo seed. Every integration test extends this class so they share one cached context.
 */
@SpringBootTest(
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "herald.subscriptions.matcher.retry.max-attempts=2",
            "herald.subscriptions.matcher.retry.initial-interval=100ms",
            // small enough that the fan-out tests cross batch boundaries
            "herald.subscriptions.matcher.batch-size=2",
            "herald.subscriptions.matcher.fetch-size=2"
        })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@EmbeddedKafka(
        partitions = 3,
        topics = "catalogue.session-changes.v1",
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
public abstract class IntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("subscriptions"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.datasource.password", TestPostgres::password);
    }

    protected UUID registerMunicipality(String name) throws Exception {
        return id(postJson(
                "/api/municipalities",
                Map.of("name", name, "country", "PL", "language", "pl", "timeZone", "Europe/Warsaw")));
    }

    protected UUID registerEmail(UUID municipality, String address) throws Exception {
        return id(postJson(
                "/api/municipalities/" + municipality + "/endpoints", Map.of("channel", "EMAIL", "address", address)));
    }

    protected UUID subscribe(UUID municipality, String type, String value, String... changeKinds) throws Exception {
        Map<String, Object> body = changeKinds.length == 0
                ? Map.of("selector", Map.of("type", type, "value", value))
                : Map.of("selector", Map.of("type", type, "value", value), "changeKinds", Arrays.asList(changeKinds));
        return id(postJson("/api/municipalities/" + municipality + "/subscriptions", body));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode postJson(String path, Object body) throws Exception {
        String response = mvc.perform(
                        post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    private static UUID id(JsonNode created) {
        return UUID.fromString(created.get("id").stringValue());
    }
}
