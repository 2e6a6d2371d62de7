package eu.herald.subscriptions.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.LocalReceivers;
import eu.herald.subscriptions.Tokens;
import eu.herald.testsupport.WebhookReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * A webhook's whole life (registration, rotation, pings that succeed and fail, reads, refusals, erasure) with
 * the service's output captured: no signing secret, no master key and no bearer token appears in a log line,
 * and the secrets appear in no answer but the one that created them.
 */
@ExtendWith(OutputCaptureExtension.class)
@LocalReceivers
class SecretsStayOutOfTheOutputIntegrationTests extends IntegrationTest {

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void keepsSecretsMasterKeyAndTokensOutOfLogsAndLaterAnswers(CapturedOutput output) throws Exception {
        UUID municipality = registerMunicipality("Miasto Tajne");
        String token = Tokens.tenant(municipality).substring("Bearer ".length());
        String endpoints = "/api/municipalities/" + municipality + "/endpoints";
        JsonNode hook = postJson(
                endpoints,
                Map.of("channel", "WEBHOOK", "url", receiver.url("/secret").toString()));
        String path = endpoints + "/" + id(hook);
        String first = hook.get("secret").stringValue();
        String second =
                json.readTree(answer(post(path + "/secret"), 200)).get("secret").stringValue();
        receiver.answer("/secret", WebhookReceiver.status(500), WebhookReceiver.status(204));

        List<String> later = new ArrayList<>();
        later.add(answer(post(path + "/ping"), 200));
        later.add(answer(post(path + "/ping"), 200));
        later.add(answer(get(path), 200));
        later.add(answer(get(endpoints), 200));
        later.add(answer(get(path + "/deliveries"), 200));
        // refusals and errors: a forged token, another tenant, an email endpoint that has no secret
        UUID email = registerPendingEmail(municipality, "urzad@tajne.example");
        later.add(answer(post(endpoints + "/" + email + "/secret"), 400));
        later.add(answer(
                post(path + "/secret")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.ISSUER.foreignToken("intruder", "x")),
                401));
        later.add(answer(
                post(path + "/secret").header(HttpHeaders.AUTHORIZATION, Tokens.tenant(UUID.randomUUID())), 404));
        later.add(answer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(path), 204));

        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(receiver.received("/secret")).hasSize(2);
        assertThat(later)
                .allSatisfy(body -> assertThat(body).doesNotContain(first, second, MASTER_KEY, token, "whsec_"));
        assertThat(output.getAll())
                .contains("Erased endpoint of municipality " + municipality)
                .doesNotContain(first, second, MASTER_KEY, token);
    }

    private String answer(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int expected)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
