package eu.herald.notifications.erasure.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.notifications.delivery.messaging.UnreadableRequest;
import eu.herald.notifications.erasure.Erasure;
import eu.herald.notifications.erasure.Erasure.Scope;
import eu.herald.notifications.request.EndpointId;
import eu.herald.testsupport.ContractSchemas;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The erasures' contract read into the service's own records, and what is refused (to the dead letters). */
class ErasureDeserializerTests {

    private static final String TOPIC = "subscriptions.erasures.v1";

    private final ErasureDeserializer deserializer = new ErasureDeserializer();

    @Test
    void readsEveryExampleOfTheContract() {
        Map<String, String> examples = ContractSchemas.examples(TOPIC);

        assertThat(examples).containsKeys("municipality.json", "endpoint.json");
        examples.forEach((name, json) -> {
            ContractSchemas.assertConforms(TOPIC, json);
            Erasure erasure = deserializer.deserialize(TOPIC, json.getBytes(UTF_8));
            assertThat(erasure.endpointIds()).as(name).isNotEmpty();
            String type = erasure.scope() == Scope.MUNICIPALITY
                    ? "eu.herald.municipality.erased.v1"
                    : "eu.herald.endpoint.erased.v1";
            assertThat(deserializer.deserialize(TOPIC, type(type), json.getBytes(UTF_8)))
                    .as(name)
                    .isEqualTo(erasure);
        });
    }

    @Test
    void readsTheMunicipalityExample() {
        Erasure erasure = deserializer.deserialize(
                TOPIC,
                type("eu.herald.municipality.erased.v1"),
                ContractSchemas.examples(TOPIC).get("municipality.json").getBytes(UTF_8));

        assertThat(erasure.erasureId()).isEqualTo(UUID.fromString("0b6f2c1e-7a4d-4f3b-9c2e-5d8a1f0e3b27"));
        assertThat(erasure.scope()).isEqualTo(Scope.MUNICIPALITY);
        assertThat(erasure.municipalityId().toString()).isEqualTo("40120a76-e603-4d24-beb1-b0fb909e4e3e");
        assertThat(erasure.endpointIds())
                .containsExactly(new EndpointId(UUID.fromString("ce5a12fa-a9d2-4a6c-8371-4cef4e78a50d")));
        assertThat(erasure.erasedAt()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void readsTheEndpointExample() {
        Erasure erasure = deserializer.deserialize(
                TOPIC,
                type("eu.herald.endpoint.erased.v1"),
                ContractSchemas.examples(TOPIC).get("endpoint.json").getBytes(UTF_8));

        assertThat(erasure.scope()).isEqualTo(Scope.ENDPOINT);
        assertThat(erasure.municipalityId().toString()).isEqualTo("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b");
        assertThat(erasure.endpointIds())
                .containsExactly(new EndpointId(UUID.fromString("9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"scope\": \"MUNICIPALITY\", \"municipalityId\": \"40120a76-e603-4d24-beb1-b0fb909e4e3e\", \"endpointIds\": [], \"erasedAt\": \"2026-11-29T12:00:00Z\"} | erasureId is missing",
                "{\"erasureId\": \"0b6f2c1e-7a4d-4f3b-9c2e-5d8a1f0e3b27\", \"scope\": \"TENANT\", \"municipalityId\": \"40120a76-e603-4d24-beb1-b0fb909e4e3e\", \"endpointIds\": [], \"erasedAt\": \"2026-11-29T12:00:00Z\"} | scope must be MUNICIPALITY or ENDPOINT",
                "{\"erasureId\": \"0b6f2c1e-7a4d-4f3b-9c2e-5d8a1f0e3b27\", \"scope\": \"ENDPOINT\", \"municipalityId\": \"40120a76-e603-4d24-beb1-b0fb909e4e3e\", \"endpointIds\": [], \"erasedAt\": \"2026-11-29T12:00:00Z\"} | exactly one endpoint",
                "{\"erasureId\": \"0b6f2c1e-7a4d-4f3b-9c2e-5d8a1f0e3b27\", \"scope\": \"MUNICIPALITY\", \"municipalityId\": \"Lublin\", \"endpointIds\": [], \"erasedAt\": \"2026-11-29T12:00:00Z\"} | municipalityId is not a UUID",
                "{\"erasureId\": \"0b6f2c1e-7a4d-4f3b-9c2e-5d8a1f0e3b27\", \"scope\": \"MUNICIPALITY\", \"municipalityId\": \"40120a76-e603-4d24-beb1-b0fb909e4e3e\", \"endpointIds\": [\"x\"], \"erasedAt\": \"2026-11-29T12:00:00Z\"} | endpointIds is not a UUID",
                "{\"erasureId\": \"0b6f2c1e-7a4d-4f3b-9c2e-5d8a1f0e3b27\", \"scope\": \"MUNICIPALITY\", \"municipalityId\": \"40120a76-e603-4d24-beb1-b0fb909e4e3e\", \"endpointIds\": [], \"erasedAt\": \"yesterday\"} | erasedAt is not an RFC 3339 date-time"
            })
    void refusesWhatTheContractDoesNotAllowNamingWhy(String json, String reason) {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, json.getBytes(UTF_8)))
                .isInstanceOf(UnreadableRequest.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesATypeThatContradictsTheScope() {
        byte[] municipality =
                ContractSchemas.examples(TOPIC).get("municipality.json").getBytes(UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, type("eu.herald.endpoint.erased.v1"), municipality))
                .isInstanceOf(UnreadableRequest.class)
                .hasMessageContaining("does not match the scope MUNICIPALITY");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, type("eu.herald.session.updated.v1"), municipality))
                .isInstanceOf(UnreadableRequest.class);
    }

    private static RecordHeaders type(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", type.getBytes(UTF_8));
        return headers;
    }
}
