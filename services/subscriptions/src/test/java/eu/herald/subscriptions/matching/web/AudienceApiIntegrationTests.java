package eu.herald.subscriptions.matching.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.Tokens;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/audience}: the operators' dry run of the matcher. That it counts what the matcher then sends is
 * tested with the fan-out itself (FanOutIntegrationTests).
 */
class AudienceApiIntegrationTests extends IntegrationTest {

    private static final String SEEDED_CHANGE = """
            {"sessionId": "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11", "eventId": "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40",
             "themes": ["territorial-cohesion"], "kind": "RESCHEDULED"}
            """;

    @Test
    void countsTheSeededMunicipalitiesFollowingTerritorialCohesionAndTheirEmails() throws Exception {
        audience(SEEDED_CHANGE, Tokens.operator())
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"municipalities": 3, "endpoints": 3, "byChannel": {"EMAIL": 3, "WEB_PUSH": 0, "WEBHOOK": 0}}
                        """, JsonCompareMode.STRICT));
    }

    @Test
    void countsNobodyForAChangeNobodyFollows() throws Exception {
        audience(
                        "{\"sessionId\": \"" + UUID.randomUUID() + "\", \"themes\": [\"" + unique("theme")
                                + "\"], \"kind\": \"UPDATED\"}",
                        Tokens.operator())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalities").value(0))
                .andExpect(jsonPath("$.endpoints").value(0))
                .andExpect(jsonPath("$.byChannel.EMAIL").value(0));
    }

    @Test
    void refusesAQueryWithoutSessionOrKindNamingTheFields() throws Exception {
        audience("{\"themes\": [\"territorial-cohesion\"]}", Tokens.operator())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("sessionId", "kind")));
        audience(SEEDED_CHANGE.replace("RESCHEDULED", "POSTPONED"), Tokens.operator())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersOnlyATokenWithTheAudienceScope() throws Exception {
        UUID municipality = registerMunicipality("Miasto Ciekawskie");
        for (String token : new String[] {
            Tokens.tenant(municipality),
            Tokens.admin(),
            "Bearer " + Tokens.ISSUER.token(Tokens.OPERATOR_CLIENT, "catalogue:write")
        }) {
            audience(SEEDED_CHANGE, token)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/audience")
                        .requestAttr(Tokens.WITHOUT_TOKEN, true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SEEDED_CHANGE))
                .andExpect(status().isUnauthorized());
    }

    private ResultActions audience(String body, String token) throws Exception {
        return mvc.perform(post("/api/audience")
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
