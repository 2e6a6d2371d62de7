package eu.herald.notifications.delivery.web;

import static eu.herald.notifications.SeedRequests.email;
import static eu.herald.notifications.SeedRequests.newChange;
import static eu.herald.notifications.SeedRequests.plock;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.notifications.IntegrationTestSupport;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.Dispatch;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Endpoint;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class DeliveriesApiIntegrationTests extends IntegrationTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    Dispatch dispatch;

    @Test
    void showsADeliveryWithTheOutcomeOfEachAttempt() throws Exception {
        ChangeId change = newChange();
        Endpoint endpoint = email("api-" + UUID.randomUUID() + "@herald-tests.example");
        dispatch.dispatch(List.of(SeedRequests.rescheduled(change, plock(), endpoint)));
        DeliveryId delivery = DeliveryId.of(change, endpoint.id());

        mvc.perform(get("/api/deliveries/{id}", delivery.value()).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveryId").value(delivery.toString()))
                .andExpect(jsonPath("$.changeId").value(change.toString()))
                .andExpect(jsonPath("$.endpointId").value(endpoint.id().toString()))
                .andExpect(jsonPath("$.channel").value("EMAIL"))
                .andExpect(jsonPath("$.address").value(endpoint.address()))
                .andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.attempts").value(1))
                .andExpect(jsonPath("$.sessionVersion").value(2))
                .andExpect(jsonPath("$.outcomes", hasSize(1)))
                .andExpect(jsonPath("$.outcomes[0].status").value("SENT"));
    }

    @Test
    void listsTheDeliveriesOfAChange() throws Exception {
        ChangeId change = newChange();
        dispatch.dispatch(List.of(SeedRequests.rescheduled(
                change,
                plock(),
                email("list-a-" + UUID.randomUUID() + "@herald-tests.example"),
                email("list-b-" + UUID.randomUUID() + "@herald-tests.example"))));

        mvc.perform(get("/api/deliveries").param("changeId", change.toString()).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].changeId").value(change.toString()))
                .andExpect(jsonPath("$[1].changeId").value(change.toString()));
    }

    @Test
    void answersAnUnknownDeliveryWithAProblem() throws Exception {
        mvc.perform(get("/api/deliveries/{id}", UUID.randomUUID()).with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void namesTheParameterThatIsNotAnId() throws Exception {
        mvc.perform(get("/api/deliveries/{id}", "not-a-uuid").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("deliveryId"));
        mvc.perform(get("/api/deliveries").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void reportsLivenessReadinessAndTheApiDocument() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/deliveries/{deliveryId}']").exists());
    }
}
