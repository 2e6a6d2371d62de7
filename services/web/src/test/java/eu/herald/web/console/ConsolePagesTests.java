package eu.herald.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The console's other pages against stubs of the services: the programme searched, a session published and
 * cancelled with the version read, the fan-out followed by server-sent events, dead deliveries replayed, the audit.
 */
class ConsolePagesTests extends ConsoleTestSupport {

    static final String DELIVERY = "0b9e4c1a-0000-4000-8000-000000000001";

    @BeforeEach
    void programme() {
        SERVICES.reset();
        SERVICES.answer(
                "GET /api/events",
                200,
                "[" + event() + ", {\"id\": \"" + ID + "\", \"slug\": \"other\","
                        + " \"name\": {\"en\": \"Other days\"}, \"startsOn\": \"2023-01-01\", \"endsOn\": \"2023-01-02\","
                        + " \"zone\": \"Europe/Lisbon\"}]");
        SERVICES.answer("GET /api/events/" + EVENT, 200, event());
        SERVICES.answer(
                "GET /api/sessions",
                200,
                "{\"content\": [" + session("DRAFT") + "], \"page\": {\"size\": 100,"
                        + " \"number\": 0, \"totalElements\": 1, \"totalPages\": 1}}");
        SERVICES.answer("GET /api/sessions/" + ID, 200, session("DRAFT"));
        SERVICES.answer("GET /api/themes", 200, "[]");
    }

    @Test
    void eventsAndTheirSessionsAreSearchedByNameInAnyLanguage() throws Exception {
        assertThat(page(get("/console?lang=pl").param("q", "tydzień")))
                .contains("Europejski Tydzień Regionów 2022")
                .doesNotContain("Other days");
        assertThat(page(get("/console/events/" + EVENT + "?q=sieciowanie&lang=pl")))
                .contains("Sieciowanie miast")
                .contains("Szkic");
        assertThat(page(get("/console/events/" + EVENT + "?q=nothing-like-it"))).contains("No session matches.");
    }

    @Test
    void aDraftIsPublishedWithTheVersionReadOrTheConflictExplained() throws Exception {
        assertThat(page(get("/console/sessions/" + ID + "?lang=pt"))).contains("Publicar", "Rascunho");

        SERVICES.answer(
                "POST /api/sessions/" + ID + "/publish",
                200,
                session("PUBLISHED").replace("\"version\": 3", "\"version\": 4"));
        mvc.perform(post("/console/sessions/" + ID + "/publish")
                        .with(operator())
                        .with(csrf())
                        .param("version", "3"))
                .andExpect(redirectedUrl("/console/sessions/" + ID + "/versions/4/fan-out"));
        assertThat(SERVICES.requests("POST", "/api/sessions/" + ID + "/publish")
                        .get(0)
                        .ifMatch())
                .isEqualTo("\"3\"");

        SERVICES.answer(
                "POST /api/sessions/" + ID + "/publish", 412, "{\"title\": \"Precondition Failed\", \"status\": 412}");
        assertThat(mvc.perform(post("/console/sessions/" + ID + "/publish?lang=en")
                                .with(operator())
                                .with(csrf())
                                .param("version", "2"))
                        .andExpect(status().isPreconditionFailed())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Someone else changed this session in the meantime");
    }

    @Test
    void aCancellationNeedsAReasonAndKeepsIt() throws Exception {
        SERVICES.answer("GET /api/sessions/" + ID, 200, session("PUBLISHED"));
        assertThat(mvc.perform(post("/console/sessions/" + ID + "/cancel?lang=en")
                                .with(operator())
                                .with(csrf())
                                .param("version", "3")
                                .param("reason", " "))
                        .andExpect(status().isUnprocessableContent())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .containsPattern("id=\"reason-error\"[^>]*>Please give a reason");

        SERVICES.answer(
                "POST /api/sessions/" + ID + "/cancel",
                409,
                "{\"title\": \"Conflict\", \"status\": 409," + " \"errors\": []}");
        assertThat(mvc.perform(post("/console/sessions/" + ID + "/cancel?lang=en")
                                .with(operator())
                                .with(csrf())
                                .param("version", "3")
                                .param("reason", "The speaker is ill"))
                        .andExpect(status().isConflict())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Someone else changed this session", ">The speaker is ill</textarea>");
    }

    @Test
    void theFanOutIsFollowedByServerSentEventsUntilAllIsDelivered() throws Exception {
        String sending = progress(1, 1, false);
        SERVICES.answer("GET /api/operator/sessions/" + ID + "/progress", 200, sending);
        assertThat(page(get("/console/sessions/" + ID + "/versions/4/fan-out?expected=2&lang=en")))
                .contains(
                        "data-state=\"sending\"",
                        "Sending: 1 of 2 done",
                        "data-stream=\"/console/sessions/" + ID + "/versions/4/fan-out/stream?expected=2\"");

        MvcResult stream = mvc.perform(get("/console/sessions/" + ID + "/versions/4/fan-out/stream?expected=2&lang=en")
                        .with(operator()))
                .andExpect(request().asyncStarted())
                .andReturn();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stream.getResponse().getContentAsString().contains("\"state\":\"sending\""));
        SERVICES.answer("GET /api/operator/sessions/" + ID + "/progress", 200, progress(2, 0, true));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stream.getResponse().getContentAsString().contains("event:end"));
        assertThat(stream.getResponse().getContentAsString())
                .contains("\"state\":\"delivered\"", "\"text\":\"All delivered\"", "\"sent\":2");
    }

    @Test
    void deadDeliveriesAreReplayedOneByOne() throws Exception {
        SERVICES.answer(
                "GET /api/operator/deliveries/dead",
                200,
                "[{\"deliveryId\": \"" + DELIVERY + "\", \"sessionId\": \""
                        + ID
                        + "\", \"sessionVersion\": 4, \"channel\": \"WEBHOOK\", \"address\": \"https://hooks.plock.eu/herald\","
                        + " \"status\": \"DEAD\", \"reason\": \"HTTP 500\", \"attempts\": 8, \"updatedAt\": \"2022-10-11T14:30:00Z\"}]");
        assertThat(page(get("/console/dead?lang=pl")))
                .contains("https://hooks.plock.eu/herald", "HTTP 500", "Ponów", "Wersja 4");

        SERVICES.answer(
                "POST /api/operator/deliveries/" + DELIVERY + "/replay", 202, "{\"replayed\": [\"" + DELIVERY + "\"]}");
        mvc.perform(post("/console/dead/" + DELIVERY + "/replay")
                        .with(operator())
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/dead"))
                .andExpect(flash().attribute("notice", "console.dead.replayed"));
    }

    @Test
    void theAuditTrailShowsWritesAndReplays() throws Exception {
        SERVICES.answer(
                "GET /api/audit",
                200,
                "{\"content\": [{\"id\": 1, \"occurredAt\": \"2022-10-11T14:30:00Z\","
                        + " \"clientId\": \"herald-web\", \"subject\": \"operator\", \"entityType\": \"SESSION\", \"entityId\": \""
                        + ID
                        + "\", \"change\": \"REVISED\", \"fromVersion\": 3, \"toVersion\": 4}], \"page\": {\"totalPages\": 1}}");
        SERVICES.answer(
                "GET /api/operator/audit",
                200,
                "[{\"id\": 1, \"occurredAt\": \"2022-10-11T14:31:00Z\","
                        + " \"clientId\": \"herald-web\", \"subject\": \"operator\", \"target\": \"DELIVERY\", \"targetId\": \""
                        + DELIVERY + "\", \"replayed\": 1, \"deliveryIds\": []}]");
        assertThat(page(get("/console/audit?lang=en")))
                .contains("operator (herald-web)", "Changed", "3 → 4", "Delivery " + DELIVERY);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(operator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String progress(int sent, int pending, boolean finished) {
        return "{\"sessionId\": \"" + ID
                + "\", \"version\": 4, \"changeIds\": [], \"channels\": {\"EMAIL\": {\"sent\": "
                + sent + ", \"held\": 0, \"pending\": " + pending
                + ", \"retrying\": 0, \"dead\": 0, \"superseded\": 0}},"
                + " \"total\": " + (sent + pending) + ", \"finished\": " + finished + "}";
    }

    private static String event() {
        return "{\"id\": \"" + EVENT
                + "\", \"slug\": \"euregionsweek-2022\", \"name\": {\"en\": \"EURegionsWeek 2022\","
                + " \"pl\": \"Europejski Tydzień Regionów 2022\"}, \"startsOn\": \"2022-10-10\", \"endsOn\":"
                + " \"2022-10-13\", \"zone\": \"Europe/Brussels\", \"place\": \"Brussels\"}";
    }

    private static String session(String status) {
        return "{\"id\": \"" + ID + "\", \"version\": 3, \"status\": \"" + status + "\", \"eventId\": \"" + EVENT
                + "\","
                + " \"defaultLanguage\": \"en\", \"title\": {\"en\": \"Networking of cities\", \"pl\": \"Sieciowanie"
                + " miast\"}, \"start\": \"2022-10-11T16:30\", \"end\": \"2022-10-11T18:30\", \"zone\":"
                + " \"Europe/Brussels\", \"themes\": [], \"cancellationReason\": null}";
    }
}
