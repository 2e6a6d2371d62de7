package eu.herald.subscriptions.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Reminders of a subscription: given when subscribing, replaced on their own, refused with a reason per lead time. */
class RemindersApiIntegrationTests extends IntegrationTest {

    private UUID municipality;
    private String subscriptions;

    @BeforeEach
    void municipality() throws Exception {
        municipality = registerMunicipality(unique("Gmina Przypomnienia"));
        subscriptions = "/api/municipalities/" + municipality + "/subscriptions";
    }

    @Test
    void subscribesWithRemindersAndShowsThemNormalisedLongestFirst() throws Exception {
        String created = send(post(subscriptions), """
                        {"selector": {"type": "EVENT", "value": "%s"}, "reminders": ["PT1H", "P1D", "PT90M"]}
                        """.formatted(UUID.randomUUID()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reminders").value(contains("PT24H", "PT1H30M", "PT1H")))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        mvc.perform(get(created)).andExpect(jsonPath("$.reminders").value(contains("PT24H", "PT1H30M", "PT1H")));
        mvc.perform(get(subscriptions))
                .andExpect(jsonPath("$[0].reminders").value(contains("PT24H", "PT1H30M", "PT1H")));
    }

    @Test
    void subscribesWithoutReminders() throws Exception {
        UUID subscription = subscribe(municipality, "SESSION", UUID.randomUUID().toString());

        mvc.perform(get(subscriptions + "/" + subscription))
                .andExpect(jsonPath("$.reminders").isEmpty());
    }

    @Test
    void replacesTheRemindersAndKeepsThemWhenTheRestChanges() throws Exception {
        UUID subscription = subscribe(municipality, "SESSION", UUID.randomUUID().toString());
        String path = subscriptions + "/" + subscription;

        send(put(path + "/reminders"), """
                        {"reminders": ["PT15M", "PT48H"]}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminders").value(contains("PT48H", "PT15M")));
        send(put(path), """
                        {"changeKinds": ["RESCHEDULED"]}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminders").value(contains("PT48H", "PT15M")));
        assertThat(stored(subscription)).containsExactly("PT48H", "PT15M");

        send(put(path + "/reminders"), """
                        {"reminders": []}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminders").isEmpty());
        assertThat(stored(subscription)).isEmpty();
    }

    @Test
    void refusesRemindersThatAreNotLeadTimesAndStoresNothing() throws Exception {
        UUID subscription = subscribe(municipality, "SESSION", UUID.randomUUID().toString());
        String path = subscriptions + "/" + subscription + "/reminders";
        send(put(path), """
                        {"reminders": ["PT2H"]}
                        """).andExpect(status().isOk());

        refused(put(path), """
                        {"reminders": ["soon", "PT0S", "-PT1H", "PT720H1S", "PT60M", "PT1H"]}
                        """)
                .andExpect(jsonPath("$.errors[*].field")
                        .value(contains(
                                "reminders",
                                "reminders[0]",
                                "reminders[1]",
                                "reminders[2]",
                                "reminders[3]",
                                "reminders[5]")))
                .andExpect(jsonPath("$.errors[0].message").value("must name at most 5 reminders"))
                .andExpect(jsonPath("$.errors[1].message")
                        .value("must be an ISO-8601 duration in days, hours, minutes or seconds, such as PT1H or P1D"))
                .andExpect(jsonPath("$.errors[2].message").value("must be longer than zero"))
                .andExpect(jsonPath("$.errors[3].message").value("must be longer than zero"))
                .andExpect(jsonPath("$.errors[4].message").value("must be at most P30D (30 days)"))
                .andExpect(
                        jsonPath("$.errors[5].message").value("repeats reminders[4] (both are PT1H before the start)"));
        refused(put(path), "{}").andExpect(jsonPath("$.errors[*].field").value(contains("reminders")));
        refused(put(path), """
                        {"reminders": [null]}
                        """).andExpect(jsonPath("$.errors[*].field").value(contains("reminders[0]")));

        assertThat(stored(subscription)).containsExactly("PT2H");
    }

    @Test
    void refusesASubscriptionWithBadRemindersAndStoresNothing() throws Exception {
        refused(post(subscriptions), """
                        {"selector": {"type": "THEME", "value": "green-transition"}, "reminders": ["PT1H", "PT60M"]}
                        """)
                .andExpect(jsonPath("$.errors[*].field").value(contains("reminders[1]")));

        assertThat(jdbc.sql("select count(*) from subscription where municipality_id = :id")
                        .param("id", municipality)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void answersNotFoundForTheRemindersOfAnUnknownSubscription() throws Exception {
        send(put(subscriptions + "/" + UUID.randomUUID() + "/reminders"), """
                        {"reminders": ["PT1H"]}
                        """).andExpect(status().isNotFound());
    }

    private List<String> stored(UUID subscription) {
        return jdbc.sql("select unnest(reminders) from subscription where id = :id")
                .param("id", subscription)
                .query(String.class)
                .list();
    }

    private ResultActions refused(MockHttpServletRequestBuilder request, String body) throws Exception {
        return send(request, body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
