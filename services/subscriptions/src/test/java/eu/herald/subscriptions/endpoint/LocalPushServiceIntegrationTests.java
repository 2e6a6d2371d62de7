package eu.herald.subscriptions.endpoint;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.LocalReceivers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A push service on this machine (a test double, a self-hosted push service) is registered only because
 * {@code herald.subscriptions.web-push.allowed-addresses} lists 127.0.0.1/32; everything else stays refused.
 */
@LocalReceivers
class LocalPushServiceIntegrationTests extends IntegrationTest {

    @Test
    void registersAPushServiceOnAnAllowedAddress() throws Exception {
        UUID municipality = registerMunicipality(unique("Gmina Lokalna"));

        register(municipality, "https://127.0.0.1:8443/push/abc")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.address").value("https://127.0.0.1:8443/push/abc"));
    }

    @Test
    void refusesInternalAddressesTheAllowListDoesNotName() throws Exception {
        UUID municipality = registerMunicipality(unique("Gmina Lokalna"));
        for (String endpoint :
                new String[] {"https://127.0.0.2/push/abc", "https://[::1]/push/abc", "https://10.1.2.3/push/abc"}) {
            register(municipality, endpoint)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("subscription.endpoint"));
        }
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    private ResultActions register(UUID municipality, String endpoint) throws Exception {
        Map<String, Object> body = Map.of(
                "channel",
                "WEB_PUSH",
                "subscription",
                Map.of(
                        "endpoint",
                        endpoint,
                        "keys",
                        Map.of(
                                "p256dh",
                                "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
                                "auth",
                                "tBHItJI5svbpez7KI4CCXg")));
        return mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }
}
