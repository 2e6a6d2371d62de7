package eu.herald.subscriptions.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** A municipality's preferences: delivery mode, quiet hours and the daily digest's time; refusals store nothing. */
class PreferencesApiIntegrationTests extends IntegrationTest {

    private static final String STORED = """
            {"deliveryMode": "DAILY_DIGEST", "quietHours": {"from": "22:00", "to": "07:00"}, "digestTime": "17:30"}
            """;

    private UUID municipality;
    private String path;

    @BeforeEach
    void municipalityWithPreferences() throws Exception {
        municipality = registerMunicipality(unique("Gmina Preferencje"));
        path = "/api/municipalities/" + municipality + "/preferences";
        change(STORED).andExpect(status().isOk());
    }

    @Test
    void digestsAtEightByDefault() throws Exception {
        UUID fresh = registerMunicipality(unique("Gmina Domyślna"));

        mvc.perform(get("/api/municipalities/" + fresh + "/preferences"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digestTime").value("08:00"));
        mvc.perform(get("/api/municipalities/" + fresh))
                .andExpect(jsonPath("$.preferences.digestTime").value("08:00"));
    }

    @Test
    void storesAndShowsTheDigestTime() throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveryMode").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.quietHours.from").value("22:00"))
                .andExpect(jsonPath("$.digestTime").value("17:30"));
        assertThat(stored()).containsEntry("digest_time", "17:30:00");
    }

    @Test
    void replacesALeftOutDigestTimeWithTheDefault() throws Exception {
        change("""
                        {"deliveryMode": "DAILY_DIGEST"}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digestTime").value("08:00"))
                .andExpect(jsonPath("$.quietHours").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "8:00", "25:61", "08:60", "08:00:00", "noon", ""})
    void rejectsADigestTimeThatIsNotATimeOfDayAndStoresNothing(String digestTime) throws Exception {
        refused("""
                        {"deliveryMode": "DAILY_DIGEST", "digestTime": "%s"}
                        """.formatted(digestTime))
                .andExpect(jsonPath("$.errors[*].field").value(contains("digestTime")))
                .andExpect(jsonPath("$.errors[0].message").value("must be a local time HH:mm such as 08:00"));
    }

    @Test
    void rejectsAnUnknownDeliveryModeAndStoresNothing() throws Exception {
        refused("""
                        {"deliveryMode": "WEEKLY", "digestTime": "09:00"}
                        """)
                .andExpect(jsonPath("$.errors[*].field").value(contains("deliveryMode")))
                .andExpect(jsonPath("$.errors[0].message").value("must be IMMEDIATE or DAILY_DIGEST"));
    }

    @Test
    void rejectsQuietHoursThatStartAndEndTogetherAndStoresNothing() throws Exception {
        refused("""
                        {"deliveryMode": "IMMEDIATE", "quietHours": {"from": "08:00", "to": "08:00"}}
                        """).andExpect(jsonPath("$.errors[*].field").value(contains("quietHours.notEmpty")));
    }

    @Test
    void rejectsQuietHoursThatDoNotParseAndStoresNothing() throws Exception {
        refused("""
                        {"deliveryMode": "IMMEDIATE", "quietHours": {"from": "22h", "to": "7:00"}}
                        """).andExpect(jsonPath("$.errors[*].field").value(contains("quietHours.from", "quietHours.to")));
    }

    private ResultActions refused(String body) throws Exception {
        Map<String, Object> before = stored();
        ResultActions refused = change(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        assertThat(stored()).isEqualTo(before);
        mvc.perform(get(path))
                .andExpect(jsonPath("$.deliveryMode").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.quietHours.to").value("07:00"))
                .andExpect(jsonPath("$.digestTime").value("17:30"));
        return refused;
    }

    private Map<String, Object> stored() {
        return jdbc.sql("""
                        select delivery_mode, quiet_hours_from::text, quiet_hours_to::text, digest_time::text
                          from municipality where id = :id
                        """).param("id", municipality).query().singleRow();
    }

    private ResultActions change(String body) throws Exception {
        return mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
