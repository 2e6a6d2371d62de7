package eu.herald.subscriptions.endpoint;

import static eu.herald.testsupport.WebhookReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.LocalReceivers;
import eu.herald.testsupport.WebhookReceiver;
import eu.herald.testsupport.WebhookReceiver.Received;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Test pings against a real local receiver: plain http and 127.0.0.1 are allowed here, as in local development. */
@LocalReceivers
class WebhookPingIntegrationTests extends IntegrationTest {

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void pingsTheWebhookWithASignedCloudEventAndShowsTheAnswer() throws Exception {
        UUID municipality = registerMunicipality("Miasto Ping");
        JsonNode hook = registerWebhook(municipality, "/hook");
        String secret = hook.get("secret").stringValue();

        JsonNode pinged = ping(municipality, id(hook));

        assertThat(pinged.get("status").asInt()).isEqualTo(204);
        assertThat(pinged.get("successful").asBoolean()).isTrue();
        assertThat(pinged.get("durationMillis").asLong()).isNotNegative();
        assertThat(receiver.received("/hook")).hasSize(1);
        Received request = receiver.received("/hook").get(0);
        assertThat(WebhookReceiver.verify(request, secret, request.at())).isNull();
        assertThat(request.header("webhook-id"))
                .isEqualTo(pinged.get("webhookId").stringValue());
        assertThat(request.header("content-type")).startsWith("application/cloudevents+json");
        JsonNode event = json.readTree(request.body());
        assertThat(event.get("specversion").stringValue()).isEqualTo("1.0");
        assertThat(event.get("type").stringValue()).isEqualTo("eu.herald.endpoint.ping.v1");
        assertThat(event.get("id").stringValue())
                .isEqualTo(pinged.get("webhookId").stringValue());
        assertThat(event.get("subject").stringValue()).isEqualTo(id(hook).toString());
        assertThat(event.at("/data/municipalityId").stringValue()).isEqualTo(municipality.toString());
    }

    @Test
    void signsWithTheOldAndTheNewSecretAfterARotation() throws Exception {
        UUID municipality = registerMunicipality("Miasto Rotacja");
        JsonNode hook = registerWebhook(municipality, "/rotated");
        String oldSecret = hook.get("secret").stringValue();
        String path = "/api/municipalities/" + municipality + "/endpoints/" + id(hook);
        String newSecret = json.readTree(mvc.perform(post(path + "/secret"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("secret")
                .stringValue();

        ping(municipality, id(hook));

        Received request = receiver.received("/rotated").get(0);
        assertThat(WebhookReceiver.verifyEachSignature(request, List.of(newSecret, oldSecret), request.at()))
                .hasSize(2)
                .containsOnlyNulls();
    }

    @Test
    void reportsAFailingReceiverWithoutFailingItself() throws Exception {
        UUID municipality = registerMunicipality("Miasto Awaria");
        JsonNode hook = registerWebhook(municipality, "/broken");
        receiver.answer("/broken", status(503, "Retry-After", "60"));

        JsonNode pinged = ping(municipality, id(hook));

        assertThat(pinged.get("status").asInt()).isEqualTo(503);
        assertThat(pinged.get("successful").asBoolean()).isFalse();
    }

    @Test
    void reportsAReceiverThatDoesNotAnswer() throws Exception {
        UUID municipality = registerMunicipality("Miasto Cisza");
        JsonNode hook = registerWebhook(municipality, "/silent");
        receiver.close();

        JsonNode pinged = ping(municipality, id(hook));

        assertThat(pinged.get("status").isNull()).isTrue();
        assertThat(pinged.get("successful").asBoolean()).isFalse();
        assertThat(pinged.get("error").stringValue()).startsWith("no answer: ");
    }

    @Test
    void pingsOnlyWebhooksOfTheMunicipality() throws Exception {
        UUID municipality = registerMunicipality("Miasto Poczta");
        UUID email = registerEmail(municipality, "urzad@poczta.example");
        UUID other = registerMunicipality("Miasto Obce");
        JsonNode hook = registerWebhook(municipality, "/mine");

        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints/" + email + "/ping"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(post("/api/municipalities/" + other + "/endpoints/" + id(hook) + "/ping"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void stillRefusesLoopbackAddressesOutsideTheAllowList() throws Exception {
        UUID municipality = registerMunicipality("Miasto Pętla");
        int port = receiver.url("/").getPort();

        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                Map.of("channel", "WEBHOOK", "url", "http://127.0.0.2:" + port + "/hook"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
    }

    private JsonNode registerWebhook(UUID municipality, String path) throws Exception {
        return postJson(
                "/api/municipalities/" + municipality + "/endpoints",
                Map.of("channel", "WEBHOOK", "url", receiver.url(path).toString()));
    }

    private JsonNode ping(UUID municipality, UUID endpoint) throws Exception {
        return json.readTree(
                mvc.perform(post("/api/municipalities/" + municipality + "/endpoints/" + endpoint + "/ping"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
    }
}
