package eu.herald.subscriptions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.testsupport.MonitoringRules;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class OperationsIntegrationTests extends IntegrationTest {

    @Test
    void reportsLivenessAndReadinessForProbes() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void describesTheApiWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/municipalities/{municipalityId}/subscriptions")));
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void exposesTheConsumersLagAndTheErasureOutboxLagToPrometheus() throws Exception {
        String prometheus = "Bearer " + Tokens.ISSUER.token("test-prometheus", "notifications:operate");
        // the first scrape is a request the second one counts in http_server_requests
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, prometheus))
                .andExpect(status().isOk());
        String scrape = mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, prometheus))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("kafka_consumer_fetch_manager_records_lag_max{")))
                .andExpect(content().string(containsString("client_id=\"consumer-subscriptions-matcher-")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        MonitoringRules.assertExposed("subscriptions", scrape);
    }
}
