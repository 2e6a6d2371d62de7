package eu.herald.subscriptions.subscription;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Subscriptions with change kinds, endpoints and language; preferences; theme validation against the taxonomy. */
class SubscriptionApiIntegrationTests extends IntegrationTest {

    @Test
    void subscribesWithEndpointsAndLanguageAndChangesThem() throws Exception {
        UUID municipality = registerMunicipality("Miasto Łomża");
        UUID office = registerEmail(municipality, "urzad@lomza.example");
        String created = send(post("/api/municipalities/" + municipality + "/subscriptions"), """
                        {"selector": {"type": "THEME", "value": "green-transition"},
                         "changeKinds": ["CANCELLED"], "endpointIds": ["%s"], "language": "en"}
                        """.formatted(office))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.endpointIds").value(contains(office.toString())))
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.changeKinds").value(contains("CANCELLED")))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        send(put(created), """
                        {"changeKinds": ["RESCHEDULED", "CANCELLED"]}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changeKinds").value(contains("RESCHEDULED", "CANCELLED")))
                .andExpect(jsonPath("$.endpointIds").doesNotExist())
                .andExpect(jsonPath("$.language").doesNotExist())
                .andExpect(jsonPath("$.selector.value").value("green-transition"));

        mvc.perform(delete(created)).andExpect(status().isNoContent());
        mvc.perform(get(created)).andExpect(status().isNotFound());
    }

    @Test
    void rejectsUnknownOrRetiredThemesAndForeignEndpointsAndUnsupportedLanguages() throws Exception {
        UUID municipality = registerMunicipality("Miasto Sieradz");
        UUID other = registerMunicipality("Miasto Obce");
        UUID foreign = registerEmail(other, "urzad@obce.example");
        jdbc.sql("insert into theme (slug, retired) values ('retired-theme', true) on conflict do nothing")
                .update();
        String path = "/api/municipalities/" + municipality + "/subscriptions";

        invalid(path, """
                {"selector": {"type": "THEME", "value": "not-in-the-taxonomy"}}
                """)
                .andExpect(jsonPath("$.errors[0].field").value("selector.value"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a theme of the catalogue"));
        invalid(path, """
                {"selector": {"type": "THEME", "value": "retired-theme"}}
                """).andExpect(jsonPath("$.errors[0].message").value("is a retired theme of the catalogue"));
        invalid(path, """
                {"selector": {"type": "THEME", "value": "green-transition"}, "endpointIds": ["%s"], "language": "de"}
                """.formatted(foreign))
                .andExpect(jsonPath("$.errors[*].field").value(contains("endpointIds", "language")));
        mvc.perform(get(path)).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void refusesMoreSubscriptionsThanTheLimit() throws Exception {
        UUID municipality = registerMunicipality("Miasto Wiele");
        for (int i = 0; i < 4; i++) {
            subscribe(municipality, "SESSION", UUID.randomUUID().toString());
        }
        invalid("/api/municipalities/" + municipality + "/subscriptions", """
                {"selector": {"type": "SESSION", "value": "%s"}}
                """.formatted(UUID.randomUUID()))
                .andExpect(jsonPath("$.errors[0].message", containsString("most subscriptions")));
        mvc.perform(get("/api/municipalities/" + municipality + "/subscriptions"))
                .andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void changesPreferencesAndRejectsQuietHoursThatDoNotParse() throws Exception {
        UUID municipality = registerMunicipality("Miasto Cisza");
        String path = "/api/municipalities/" + municipality + "/preferences";
        send(put(path), """
                        {"deliveryMode": "DAILY_DIGEST", "quietHours": {"from": "22:00", "to": "07:00"}}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveryMode").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.quietHours.from").value("22:00"));

        invalid(path, put(path), """
                {"deliveryMode": "WEEKLY", "quietHours": {"from": "25:00", "to": "7pm"}}
                """)
                .andExpect(jsonPath("$.errors[*].field")
                        .value(contains("deliveryMode", "quietHours.from", "quietHours.to")));
        invalid(path, put(path), """
                {"deliveryMode": "IMMEDIATE", "quietHours": {"from": "08:00", "to": "08:00"}}
                """).andExpect(jsonPath("$.errors[*].field").value(hasItem("quietHours.notEmpty")));
        mvc.perform(get(path))
                .andExpect(jsonPath("$.deliveryMode").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.quietHours.to").value("07:00"));
    }

    @Test
    void registersAMunicipalityWithItsStatisticalCodes() throws Exception {
        send(post("/api/municipalities"), """
                        {"name": "Miasto Płock", "country": "PL", "lauCode": "1462011", "nutsCode": "PL922",
                         "language": "pl", "timeZone": "Europe/Warsaw"}
                        """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lauCode").value("1462011"))
                .andExpect(jsonPath("$.nutsCode").value("PL922"));
        invalid("/api/municipalities", """
                {"name": "X", "country": "PL", "nutsCode": "pl-9", "language": "xx", "timeZone": "Europe/Nowhere"}
                """)
                .andExpect(jsonPath("$.errors[*].field").value(contains("language", "nutsCode", "timeZone")));
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions invalid(String path, String body) throws Exception {
        return invalid(path, post(path), body);
    }

    private ResultActions invalid(
            String path,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body)
            throws Exception {
        return send(request, body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }
}
