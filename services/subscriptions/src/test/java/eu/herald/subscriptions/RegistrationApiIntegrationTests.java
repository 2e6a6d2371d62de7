package eu.herald.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class RegistrationApiIntegrationTests extends IntegrationTest {

    @Test
    void registersMunicipalityWithEmailEndpointAndThemeSubscription() throws Exception {
        String created = mvc.perform(post("/api/municipalities")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Miasto Testowe", "country": "PL", "language": "pl", "timeZone": "Europe/Warsaw"}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Miasto Testowe"))
                .andExpect(jsonPath("$.country").value("PL"))
                .andExpect(jsonPath("$.language").value("pl"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Warsaw"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.preferences.deliveryMode").value("IMMEDIATE"))
                .andExpect(jsonPath("$.preferences.quietHours").isEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID municipality = UUID.fromString(json.readTree(created).get("id").stringValue());

        mvc.perform(get("/api/municipalities/" + municipality))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(municipality.toString()))
                .andExpect(jsonPath("$.status").value("ACTIVE"));

        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel": "EMAIL", "address": "urzad@testowe.example"}
                                """))
                .andExpect(status().isCreated())
                .andExpect(header().string(
                                "Location", containsString("/api/municipalities/" + municipality + "/endpoints/")))
                .andExpect(jsonPath("$.municipalityId").value(municipality.toString()))
                .andExpect(jsonPath("$.channel").value("EMAIL"))
                .andExpect(jsonPath("$.address").value("urzad@testowe.example"))
                .andExpect(jsonPath("$.status").value("PENDING_VERIFICATION"));
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].address").value("urzad@testowe.example"));

        String subscription = mvc.perform(post("/api/municipalities/" + municipality + "/subscriptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"selector": {"type": "THEME", "value": "youth-empowerment"}}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.municipalityId").value(municipality.toString()))
                .andExpect(jsonPath("$.selector.type").value("THEME"))
                .andExpect(jsonPath("$.selector.value").value("youth-empowerment"))
                .andExpect(jsonPath("$.changeKinds", hasSize(5)))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(subscription).contains("/api/municipalities/" + municipality + "/subscriptions/");
        mvc.perform(get(subscription))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.selector.type").value("THEME"));
        mvc.perform(get("/api/municipalities/" + municipality + "/subscriptions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void answersWithLocationOfTheNewMunicipality() throws Exception {
        String location = mvc.perform(post("/api/municipalities")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Município de Teste", "country": "PT", "language": "pt", "timeZone": "Europe/Lisbon"}
                                """))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(location).matches("http://localhost/api/municipalities/[0-9a-f-]{36}");
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Município de Teste"));
    }

    @Test
    void takesIdsAndStatusFromThePathNeverFromTheBody() throws Exception {
        UUID chosenByClient = UUID.randomUUID();
        mvc.perform(post("/api/municipalities")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id": "%s", "status": "SUSPENDED", "name": "Miasto X", "country": "PL",
                                 "language": "pl", "timeZone": "Europe/Warsaw"}
                                """.formatted(chosenByClient)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .doesNotContain(chosenByClient.toString()));

        UUID municipality = registerMunicipality("Miasto Y");
        UUID otherTenant = registerMunicipality("Miasto Z");
        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"municipalityId": "%s", "status": "DISABLED", "channel": "EMAIL", "address": "y@y.example"}
                                """.formatted(otherTenant)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.municipalityId").value(municipality.toString()))
                .andExpect(jsonPath("$.status").value("PENDING_VERIFICATION"));
        mvc.perform(get("/api/municipalities/" + otherTenant + "/endpoints")).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void rejectsInvalidMunicipalityNamingEveryFieldAndStoresNothing() throws Exception {
        long before = municipalities();
        problem(
                        mvc.perform(post("/api/municipalities")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"name": " ", "country": "XX", "language": "de", "timeZone": "Mars/Olympus"}
                                        """)),
                        400)
                .andExpect(jsonPath("$.errors[*].field").value(contains("country", "language", "name", "timeZone")))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'language')].message").value("must be one of en, pl, pt"));
        problem(
                        mvc.perform(post("/api/municipalities")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"name": "Miasto", "country": "pl", "language": "pl", "timeZone": "+02:00"}
                                        """)),
                        400)
                .andExpect(jsonPath("$.errors[*].field").value(contains("country", "timeZone")));
        assertThat(municipalities()).isEqualTo(before);
    }

    @Test
    void rejectsInvalidEmailAndUnsupportedChannelAndStoresNothing() throws Exception {
        UUID municipality = registerMunicipality("Miasto E");
        problem(
                        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"channel": "EMAIL", "address": "not-an-email"}
                                        """)),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("address"))
                .andExpect(jsonPath("$.errors", hasSize(1)));
        problem(
                        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"channel": "SMS", "address": "a@b.example"}
                                        """)),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints")).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void rejectsDuplicateEndpointWithConflict() throws Exception {
        UUID municipality = registerMunicipality("Miasto D");
        registerEmail(municipality, "biuro@d.example");
        problem(
                        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"channel": "EMAIL", "address": "Biuro@D.example"}
                                        """)),
                        409)
                .andExpect(jsonPath("$.errors[0].field").value("address"));
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints")).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void rejectsBadSelectorsAndChangeKindsAndStoresNothing() throws Exception {
        UUID municipality = registerMunicipality("Miasto S");
        String path = "/api/municipalities/" + municipality + "/subscriptions";
        badSubscription(path, """
                {"selector": {"type": "THEME", "value": "Territorial Cohesion"}}
                """, "selector.value");
        badSubscription(path, """
                {"selector": {"type": "EVENT", "value": "euregionsweek-2022"}}
                """, "selector.value");
        badSubscription(path, """
                {"selector": {"type": "TOPIC", "value": "green-transition"}}
                """, "selector.type");
        badSubscription(path, """
                {"changeKinds": ["PUBLISHED"]}
                """, "selector");
        badSubscription(path, """
                {"selector": {"type": "THEME", "value": "green-transition"}, "changeKinds": ["PUBLISHED", "MOVED"]}
                """, "changeKinds[1]");
        badSubscription(path, """
                {"selector": {"type": "THEME", "value": "green-transition"}, "changeKinds": []}
                """, "changeKinds");
        mvc.perform(get(path)).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void subscribesToAnEventForSomeChangeKindsWithTheIdInLowerCase() throws Exception {
        UUID municipality = registerMunicipality("Miasto K");
        mvc.perform(post("/api/municipalities/" + municipality + "/subscriptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"selector": {"type": "EVENT", "value": "3D6F2B8E-1C4A-4E7B-8F2D-9A0B1C2D3E40"},
                                 "changeKinds": ["CANCELLED", "RESCHEDULED"]}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.selector.value").value("3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40"))
                .andExpect(jsonPath("$.changeKinds").value(contains("RESCHEDULED", "CANCELLED")));
        problem(
                        mvc.perform(post("/api/municipalities/" + municipality + "/subscriptions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"selector": {"type": "EVENT", "value": "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40"}}
                                        """)),
                        409)
                .andExpect(jsonPath("$.errors[0].field").value("selector"));
    }

    @Test
    void answersNotFoundForAnUnknownMunicipality() throws Exception {
        UUID unknown = UUID.randomUUID();
        problem(mvc.perform(get("/api/municipalities/" + unknown)), 404);
        problem(mvc.perform(get("/api/municipalities/" + unknown + "/endpoints")), 404);
        problem(mvc.perform(get("/api/municipalities/" + unknown + "/subscriptions")), 404);
        problem(
                mvc.perform(post("/api/municipalities/" + unknown + "/endpoints")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel": "EMAIL", "address": "nobody@unknown.example"}
                                """)),
                404);
        problem(
                mvc.perform(post("/api/municipalities/" + unknown + "/subscriptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"selector": {"type": "THEME", "value": "green-transition"}}
                                """)),
                404);
        UUID known = registerMunicipality("Miasto N");
        problem(mvc.perform(get("/api/municipalities/" + known + "/endpoints/" + unknown)), 404);
        problem(mvc.perform(get("/api/municipalities/" + known + "/subscriptions/" + unknown)), 404);
    }

    @Test
    void rejectsUnreadableBodiesAndMalformedIds() throws Exception {
        problem(
                        mvc.perform(post("/api/municipalities")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": ")),
                        400)
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value("The request body is not readable JSON."))
                .andExpect(jsonPath("$.errors").isEmpty());
        UUID municipality = registerMunicipality("Miasto J");
        problem(
                        mvc.perform(post("/api/municipalities/" + municipality + "/subscriptions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"selector": {"type": "THEME", "value": "green-transition"},
                                         "endpointIds": ["powiadomienia@plock.example"]}
                                        """)),
                        400)
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value("The request body has a value of the wrong type."))
                .andExpect(jsonPath("$.errors[0].field").value("endpointIds[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"))
                .andExpect(jsonPath("$.errors", hasSize(1)));
        problem(
                        mvc.perform(post("/api/municipalities/" + municipality + "/subscriptions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"selector": {"type": "THEME", "value": "a"}, "changeKinds": "PUBLISHED"}
                                        """)),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("changeKinds"));
        // a malformed id names no municipality, so no tenant's token fits: the admin's reaches the check
        problem(
                        mvc.perform(get("/api/municipalities/not-a-uuid")
                                .header(HttpHeaders.AUTHORIZATION, Tokens.admin())),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("municipalityId"));
    }

    private void badSubscription(String path, String body, String field) throws Exception {
        problem(mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)), 400)
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    private long municipalities() {
        return jdbc.sql("select count(*) from municipality").query(Long.class).single();
    }
}
