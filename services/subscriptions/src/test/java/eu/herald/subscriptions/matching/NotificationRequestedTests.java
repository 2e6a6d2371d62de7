package eu.herald.subscriptions.matching;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.herald.testsupport.ContractSchemas;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NotificationRequestedTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SessionChange change = json.readValue(
            ContractSchemas.examples("catalogue.session-changes.v1").get("rescheduled.json"), SessionChange.class);

    @Test
    void derivesTheRequestIdFromTheChangeAndTheMunicipality() {
        UUID municipality = UUID.randomUUID();
        NotificationRequested request = NotificationRequested.of(change, affected(municipality));

        assertThat(request.requestId())
                .isEqualTo(UUID.nameUUIDFromBytes((change.changeId() + ":" + municipality).getBytes(UTF_8)))
                .isEqualTo(
                        NotificationRequested.of(change, affected(municipality)).requestId())
                .isNotEqualTo(NotificationRequested.of(change, affected(UUID.randomUUID()))
                        .requestId());
    }

    @Test
    void carriesTheRecipientAndEveryEndpoint() {
        UUID municipality = UUID.randomUUID();
        JsonNode request =
                json.readTree(json.writeValueAsString(NotificationRequested.of(change, affected(municipality))));

        assertThat(request.at("/recipient/municipalityId").stringValue()).isEqualTo(municipality.toString());
        assertThat(request.at("/recipient/timeZone").stringValue()).isEqualTo("Europe/Lisbon");
        assertThat(request.at("/recipient/preferences/deliveryMode").stringValue())
                .isEqualTo("IMMEDIATE");
        assertThat(request.at("/recipient/preferences/quietHours").isNull()).isTrue();
        assertThat(request.get("endpoints")).hasSize(2);
        assertThat(request.at("/endpoints/1/address").stringValue()).isEqualTo("camara@fundao.example");
        assertThat(request.at("/endpoints/0").has("unsubscribeUrl")).isFalse();
    }

    @Test
    void carriesTheDigestTimeAndTheRemindersLongestFirst() {
        JsonNode request =
                json.readTree(json.writeValueAsString(NotificationRequested.of(change, affected(UUID.randomUUID()))));

        assertThat(request.at("/recipient/preferences/digestTime").stringValue())
                .isEqualTo("08:00");
        assertThat(request.get("reminders").valueStream().map(JsonNode::stringValue))
                .containsExactly("PT24H", "PT1H");
        ContractSchemas.assertConforms("subscriptions.notification-requests.v1", request.toString());
    }

    @Test
    void neverAddressesAMunicipalityWithoutEndpoints() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new AffectedMunicipality(affected(UUID.randomUUID()).recipient(), List.of(), List.of()));
    }

    private static AffectedMunicipality affected(UUID municipality) {
        return new AffectedMunicipality(
                new Recipient(
                        municipality,
                        "Município do Fundão",
                        "PT",
                        "pt",
                        "Europe/Lisbon",
                        new Recipient.Preferences("IMMEDIATE", null, "08:00")),
                List.of(
                        Destination.email(UUID.randomUUID(), "notificacoes@fundao.example", null),
                        Destination.email(UUID.randomUUID(), "camara@fundao.example", null)),
                List.of("PT24H", "PT1H"));
    }
}
