package eu.herald.notifications;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The API answers refused input with the problems every Herald service writes (libs/problems). It reads no request
 * body: what a client can get wrong is a parameter.
 */
class ProblemDetailsIntegrationTests extends IntegrationTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void namesAParameterOfTheWrongTypeAndSaysWhatItMustBe() throws Exception {
        badRequest(mvc.perform(get("/api/operator/deliveries/dead")
                        .param("changeId", "EURegionsWeek")
                        .with(operator())))
                .andExpect(jsonPath("$.detail").value("The request has invalid parameters."))
                .andExpect(jsonPath("$.errors[0].field").value("changeId"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
    }

    @Test
    void namesAMissingOrOutOfRangeParameter() throws Exception {
        badRequest(mvc.perform(get("/api/deliveries").with(operator())))
                .andExpect(jsonPath("$.errors[0].field").value("changeId"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        badRequest(mvc.perform(get("/api/operator/audit").param("limit", "0").with(operator())))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 1"));
    }

    @Test
    void answersAMethodTheApiDoesNotHaveWithAProblem() throws Exception {
        mvc.perform(delete("/api/operator/audit").with(operator()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Method Not Allowed"));
    }

    private static ResultActions badRequest(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }
}
