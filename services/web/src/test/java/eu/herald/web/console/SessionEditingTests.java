package eu.herald.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Editing a session in the console against stubs of the services: the preview shows what recipients will be told
 * and whom it reaches and saves nothing; a save names the version read and leads to the fan-out; a conflict with
 * another operator keeps what was typed; a field the catalogue refuses gets its error next to it.
 */
class SessionEditingTests extends ConsoleTestSupport {

    @BeforeEach
    void programme() {
        SERVICES.reset();
        SERVICES.answer("GET /api/sessions/" + ID, 200, session(3, "2022-10-11T16:30"));
        SERVICES.answer(
                "GET /api/themes",
                200,
                "[{\"slug\": \"territorial-cohesion\", \"labels\": {\"en\": \"Territorial cohesion\","
                        + " \"pl\": \"Spójność terytorialna\"}}]");
    }

    @Test
    void thePreviewTellsTheChangeAndItsAudienceAndSavesNothing() throws Exception {
        SERVICES.answer(
                "POST /api/sessions/" + ID + "/preview",
                200,
                "{\"sessionId\": \"" + ID
                        + "\", \"version\": 3, \"kind\": \"RESCHEDULED\", \"changedFields\": [\"start\"],"
                        + " \"previous\": {\"start\": \"2022-10-11T16:30:00\"}, \"current\": {\"start\":"
                        + " \"2022-10-11T17:00:00\"}, \"session\": " + session(3, "2022-10-11T17:00")
                        + ", \"announced\": true}");
        SERVICES.answer(
                "POST /api/audience",
                200,
                "{\"municipalities\": 3, \"endpoints\": 5, \"byChannel\": {\"EMAIL\": 3, \"WEBHOOK\": 1, \"WEB_PUSH\": 1}}");

        String page = mvc.perform(edit("/preview", "2022-10-11T17:00").param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Recipients will be told: the session is rescheduled.")
                .contains("11 Oct 2022, 16:30")
                .contains("11 Oct 2022, 17:00")
                .contains("3 municipalities, 5 endpoints (email 3, webhook 1, web push 1)")
                .contains("name=\"expected\" value=\"5\"")
                .contains("name=\"start\" value=\"2022-10-11T17:00\"");
        assertThat(SERVICES.requests("POST", "/api/sessions/" + ID + "/preview"))
                .singleElement()
                .satisfies(preview -> {
                    assertThat(preview.ifMatch()).isEqualTo("\"3\"");
                    assertThat(preview.body()).contains("\"start\":\"2022-10-11T17:00\"");
                });
        assertThat(SERVICES.requests("POST", "/api/audience"))
                .singleElement()
                .satisfies(audience -> assertThat(audience.body())
                        .contains("\"kind\":\"RESCHEDULED\"", "\"themes\":[\"territorial-cohesion\"]"));
        assertThat(SERVICES.requests("PATCH", "/api/sessions/" + ID)).isEmpty();
    }

    @Test
    void aPreviewOpenedAgainInAnotherLanguageLeadsBackToTheForm() throws Exception {
        mvc.perform(get("/console/sessions/" + ID + "/preview?lang=pl").with(operator()))
                .andExpect(redirectedUrl("/console/sessions/" + ID + "/edit"));
    }

    @Test
    void aSaveNamesTheVersionReadAndLeadsToTheFanOutOfTheNewOne() throws Exception {
        SERVICES.answer("PATCH /api/sessions/" + ID, 200, session(4, "2022-10-11T17:00"));

        mvc.perform(edit("/save", "2022-10-11T17:00").param("expected", "5"))
                .andExpect(redirectedUrl("/console/sessions/" + ID + "/versions/4/fan-out?expected=5"));

        assertThat(SERVICES.requests("PATCH", "/api/sessions/" + ID))
                .singleElement()
                .satisfies(patch -> assertThat(patch.ifMatch()).isEqualTo("\"3\""));
    }

    @Test
    void anotherOperatorsChangeIsExplainedAndWhatWasTypedKept() throws Exception {
        SERVICES.answer(
                "PATCH /api/sessions/" + ID,
                412,
                "{\"title\": \"Precondition Failed\", \"status\": 412, \"detail\": \"session is at version 4\"}");
        SERVICES.answer("GET /api/sessions/" + ID, 200, session(4, "2022-10-11T18:00"));

        String page = mvc.perform(edit("/save", "2022-10-11T17:00").param("lang", "en"))
                .andExpect(status().isPreconditionFailed())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Someone else changed this session in the meantime, so your change was not saved.")
                .contains("The session as it is now, at version 4")
                .contains("value=\"A title typed by hand\"")
                .contains("value=\"2022-10-11T17:00\"")
                .contains("name=\"version\" value=\"4\"");
        assertThat(page.split("name=\"start\"", -1))
                .as("one start field, the one typed in")
                .hasSize(2);
    }

    @Test
    void aCancelledSessionIsSaidToBeClosedWithWhatWasTypedKept() throws Exception {
        SERVICES.answer(
                "POST /api/sessions/" + ID + "/preview",
                409,
                "{\"title\": \"Conflict\", \"status\": 409, \"detail\": \"session is cancelled\", \"errors\": []}");

        String page = mvc.perform(edit("/preview", "2022-10-11T17:00").param("lang", "pt"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Esta sessão já não pode ser alterada (foi cancelada)")
                .contains("value=\"A title typed by hand\"");
    }

    @Test
    void aRefusedFieldShowsItsErrorNextToIt() throws Exception {
        SERVICES.answer(
                "POST /api/sessions/" + ID + "/preview",
                400,
                "{\"title\": \"Bad Request\", \"status\": 400, \"detail\": \"The session is invalid\", \"errors\":"
                        + " [{\"field\": \"title.pl\", \"message\": \"is too long\"},"
                        + " {\"field\": \"end\", \"message\": \"must be after start\"}]}");

        String page = mvc.perform(edit("/preview", "2022-10-11T17:00"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .containsPattern("id=\"titlePl-error\"[^>]*>is too long<")
                .containsPattern("id=\"end-error\"[^>]*>must be after start<")
                .contains("value=\"A title typed by hand\"");
    }

    @Test
    void theFanOutPageSaysWhenAllIsDelivered() throws Exception {
        SERVICES.answer(
                "GET /api/operator/sessions/" + ID + "/progress",
                200,
                "{\"sessionId\": \"" + ID
                        + "\", \"version\": 4, \"changeIds\": [], \"channels\": {\"EMAIL\": {\"sent\": 3,"
                        + " \"held\": 0, \"pending\": 0, \"retrying\": 0, \"dead\": 0, \"superseded\": 0}}, \"total\": 3,"
                        + " \"finished\": true}");

        String page = mvc.perform(get("/console/sessions/" + ID + "/versions/4/fan-out?expected=3&lang=pl")
                        .with(operator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .containsPattern("id=\"fan-out-status\"[^>]*data-state=\"delivered\"[^>]*>Wszystko doręczone<")
                .contains("id=\"EMAIL-sent\">3<")
                .doesNotContain("data-stream");
    }

    private MockHttpServletRequestBuilder edit(String action, String start) {
        return post("/console/sessions/" + ID + action)
                .with(operator())
                .with(csrf())
                .param("version", "3")
                .param("titleEn", "A title typed by hand")
                .param("titlePl", "Sieciowanie miast")
                .param("start", start)
                .param("end", "2022-10-11T18:30")
                .param("zone", "Europe/Brussels")
                .param("format", "ONLINE")
                .param("themes", "territorial-cohesion");
    }

    private static String session(int version, String start) {
        return "{\"id\": \"" + ID + "\", \"version\": " + version + ", \"status\": \"PUBLISHED\", \"eventId\":"
                + " \"3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40\", \"defaultLanguage\": \"en\", \"title\": {\"en\":"
                + " \"Networking of cities\", \"pl\": \"Sieciowanie miast\"}, \"description\": {}, \"start\": \""
                + start
                + "\", \"end\": \"2022-10-11T18:30\", \"zone\": \"Europe/Brussels\", \"format\": \"ONLINE\", \"venue\":"
                + " null, \"platform\": \"Zoom\", \"joinLink\": null, \"languages\": [\"en\"], \"themes\":"
                + " [\"territorial-cohesion\"], \"cancellationReason\": null}";
    }
}
