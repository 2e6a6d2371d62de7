package eu.herald.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.web.PagesTestSupport;
import eu.herald.web.ServiceStub;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The portal's pages against a stub of the subscriptions and catalogue APIs: a problem's field error lands next to
 * its field, a webhook's secret is shown once, the browser's push subscription is relayed with the clerk's token,
 * another municipality's page is "not found". The whole flow runs in the browser tests.
 */
class PortalPagesTests extends PagesTestSupport {

    static final String PLOCK = "6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b";
    static final String LUBLIN = "40120a76-e603-4d24-beb1-b0fb909e4e3e";
    static final String WEBHOOK = "0b7e6a52-4c1e-4f5e-9a53-0c2d7c1f9e11";
    static final ServiceStub api = SERVICES;

    @BeforeEach
    void plock() {
        api.reset();
        api.answer("GET /api/municipalities/" + PLOCK, 200, """
                {"id":"%s","name":"Płock","country":"PL","language":"pl","timeZone":"Europe/Warsaw",
                 "status":"ACTIVE","preferences":{"deliveryMode":"IMMEDIATE","quietHours":null,"digestTime":"08:00"}}
                """.formatted(PLOCK));
    }

    @Test
    void aProblemsFieldErrorIsShownNextToItsFieldWithWhatWasTyped() throws Exception {
        api.answer("PUT /api/municipalities/" + PLOCK + "/preferences", 400, """
                {"title":"Invalid input","status":400,"detail":"The request is invalid.",
                 "errors":[{"field":"quietHours.from","message":"must be a local time HH:mm such as 22:00"}]}
                """);

        String page = mvc.perform(post("/municipalities/{id}/preferences", PLOCK)
                        .with(clerk())
                        .with(csrf())
                        .param("deliveryMode", "IMMEDIATE")
                        .param("from", "25:00")
                        .param("to", "07:00"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .containsPattern("id=\"from\"[^>]*value=\"25:00\"")
                .containsPattern("(?s)id=\"from\".{0,200}field-error\">must be a local time HH:mm such as 22:00<");
        mvc.perform(get("/municipalities/{id}/preferences", PLOCK).with(clerk()).param("lang", "pl"))
                .andExpect(redirectedUrl("/municipalities/" + PLOCK));
        assertThat(api.received).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.body()).contains("\"from\":\"25:00\"", "\"to\":\"07:00\"");
            assertThat(request.authorization()).startsWith("Bearer ");
        });
    }

    @Test
    void aSubscriptionsRemindersAreChangedWithTheBoxesTickedAndShownTicked() throws Exception {
        subscriptionsOfPlock();
        String subscription = "7d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6";
        String path = "/api/municipalities/" + PLOCK + "/subscriptions/" + subscription + "/reminders";
        api.answer("PUT " + path, 200, "{}");

        mvc.perform(get("/municipalities/{id}/subscriptions", PLOCK)
                        .with(clerk())
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesPattern(
                                "(?s).*<input type=\"checkbox\" name=\"reminders\" id=\"lead-0-1\" value=\"PT24H\""
                                        + " checked=\"checked\">.*")));
        mvc.perform(post("/municipalities/{id}/subscriptions/{s}/reminders", PLOCK, subscription)
                        .with(clerk())
                        .with(csrf())
                        .param("reminders", "PT1H", "PT15M"))
                .andExpect(redirectedUrl("/municipalities/" + PLOCK + "/subscriptions"))
                .andExpect(flash().attribute("notice", "Reminders saved."));
        assertThat(api.requests("PUT", path))
                .singleElement()
                .satisfies(request -> assertThat(request.body()).isEqualTo("{\"reminders\":[\"PT1H\",\"PT15M\"]}"));

        mvc.perform(post("/municipalities/{id}/subscriptions/{s}/reminders", PLOCK, subscription)
                        .with(clerk())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "Reminders saved."));
        assertThat(api.requests("PUT", path).get(1).body()).isEqualTo("{\"reminders\":[]}");
    }

    @Test
    void quietHoursEndingWhenTheyStartAreRefusedBeforeAnythingIsSent() throws Exception {
        mvc.perform(post("/municipalities/{id}/preferences", PLOCK)
                        .with(clerk())
                        .with(csrf())
                        .param("lang", "pl")
                        .param("deliveryMode", "IMMEDIATE")
                        .param("from", "22:00")
                        .param("to", "22:00"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "Godziny ciszy muszą kończyć się o innej godzinie, niż się zaczynają.")));
        assertThat(api.received)
                .noneSatisfy(request -> assertThat(request.method()).isEqualTo("PUT"));
    }

    @Test
    void aWebhooksSecretIsShownOnceAndNeverAgain() throws Exception {
        String webhook = """
                {"id":"%s","municipalityId":"%s","channel":"WEBHOOK","address":"https://plock.example/herald",
                 "status":"ACTIVE","secretVersion":1,%s"createdAt":"2026-12-06T20:00:00Z"}""";
        api.answer(
                "POST /api/municipalities/" + PLOCK + "/endpoints",
                201,
                webhook.formatted(WEBHOOK, PLOCK, "\"secret\":\"whsec_c2VjcmV0\","));
        api.answer(
                "GET /api/municipalities/" + PLOCK + "/endpoints/" + WEBHOOK,
                200,
                webhook.formatted(WEBHOOK, PLOCK, ""));

        MvcResult added = mvc.perform(post("/municipalities/{id}/endpoints/webhook", PLOCK)
                        .with(clerk())
                        .with(csrf())
                        .param("url", "https://plock.example/herald"))
                .andExpect(redirectedUrl("/municipalities/" + PLOCK + "/endpoints/" + WEBHOOK + "/secret"))
                .andExpect(flash().attribute("secret", "whsec_c2VjcmV0"))
                .andReturn();
        assertThat(api.last().body()).contains("\"channel\":\"WEBHOOK\"", "https://plock.example/herald");

        mvc.perform(get("/municipalities/{id}/endpoints/{e}/secret", PLOCK, WEBHOOK)
                        .with(clerk())
                        .flashAttrs(added.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("whsec_c2VjcmV0")));
        mvc.perform(get("/municipalities/{id}/endpoints/{e}/secret", PLOCK, WEBHOOK)
                        .with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("whsec_c2VjcmV0"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"secret-gone\"")));
    }

    @Test
    void thisBrowsersPushSubscriptionIsRelayedWithTheClerksToken() throws Exception {
        api.answer("POST /api/municipalities/" + PLOCK + "/endpoints", 201, """
                {"id":"%s","municipalityId":"%s","channel":"WEB_PUSH","address":"https://push.example/p/1",
                 "status":"ACTIVE","createdAt":"2026-12-06T20:00:00Z"}""".formatted(WEBHOOK, PLOCK));
        String subscription = """
                {"endpoint":"https://push.example/p/1","expirationTime":null,"keys":{"p256dh":"BPk","auth":"c2Vj"}}""";

        mvc.perform(post("/municipalities/{id}/endpoints/web-push", PLOCK)
                        .with(clerk())
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(subscription))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("WEB_PUSH"));
        ServiceStub.Request relayed = api.last();
        assertThat(relayed.path()).isEqualTo("/api/municipalities/" + PLOCK + "/endpoints");
        assertThat(relayed.body())
                .contains("\"channel\":\"WEB_PUSH\"", "\"subscription\":{\"endpoint\":\"https://push.example/p/1\"");
        assertThat(relayed.authorization()).startsWith("Bearer ");

        mvc.perform(post("/municipalities/{id}/endpoints/web-push", PLOCK)
                        .with(clerk())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(subscription))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherMunicipalitysPagesAreNotFound() throws Exception {
        for (String page : new String[] {"", "/subscriptions", "/endpoints", "/deliveries"}) {
            mvc.perform(get("/municipalities/" + LUBLIN + page).with(clerk()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("<h1>Not found</h1>")))
                    // still signed in: the page says who, and offers signing out
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Płock clerk")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign out")));
        }
    }

    @Test
    void subscriptionsAreNamedInThePagesLanguage() throws Exception {
        subscriptionsOfPlock();

        String page = mvc.perform(get("/municipalities/{id}/subscriptions", PLOCK)
                        .with(clerk())
                        .header("Accept-Language", "pl-PL"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Spójność terytorialna", "zmiana terminu", "odwołanie", "1 dzień przed rozpoczęciem")
                .contains(">Sieciowanie miast (11 paź 2022)<")
                .doesNotContain(">territorial-cohesion<");
    }

    @Test
    void everyPageSpeaksEachLanguageWithoutAMissingText() throws Exception {
        subscriptionsOfPlock();
        api.answer("GET /api/municipalities/" + PLOCK + "/endpoints", 200, """
                [{"id":"%1$s","channel":"EMAIL","address":"urzad@plock.example","status":"PENDING_VERIFICATION",
                  "createdAt":"2026-12-06T20:00:00Z"},
                 {"id":"%1$s","channel":"WEBHOOK","address":"https://plock.example/herald","status":"ACTIVE",
                  "secretVersion":2,"createdAt":"2026-12-06T20:00:00Z"},
                 {"id":"%1$s","channel":"WEB_PUSH","address":"https://push.example/p/1","status":"DISABLED",
                  "statusReason":"gone: 410","verifiedAt":"2026-12-06T20:00:00Z","createdAt":"2026-12-06T20:00:00Z"}]
                """.formatted(WEBHOOK));
        api.answer("GET /api/web-push/config", 200, "{\"vapidPublicKey\":\"BPkey\"}");
        api.answer("GET /api/municipalities/" + PLOCK + "/deliveries", 200, """
                {"items":[
                  {"deliveryId":"%1$s","endpointId":"%1$s","changeId":"%1$s","sessionId":"%1$s","sessionVersion":2,
                   "channel":"EMAIL","status":"SCHEDULED","reason":"QUIET_HOURS","attempts":0,
                   "changedAt":"2026-12-06T20:00:00Z","updatedAt":"2026-12-06T20:00:01Z","kind":"CHANGE",
                   "notBefore":"2026-12-07T06:00:00Z"},
                  {"deliveryId":"%1$s","endpointId":"%1$s","changeId":"%1$s","sessionId":"%1$s","sessionVersion":1,
                   "channel":"WEBHOOK","status":"DEAD","reason":"the receiver answered 500 five times","attempts":5,
                   "changedAt":"2026-12-06T19:00:00Z","updatedAt":"2026-12-06T19:30:00Z","kind":"CHANGE",
                   "responseStatus":500}],
                 "page":0,"size":20,"total":2}
                """.formatted(WEBHOOK));
        api.answer("GET /api/sessions/" + WEBHOOK, 200, """
                {"id":"%s","title":{"en":"Networking of cities","pl":"Sieciowanie miast"}}""".formatted(WEBHOOK));
        for (String language : new String[] {"en", "pl", "pt"}) {
            for (String page : new String[] {"", "/erasure", "/subscriptions", "/endpoints", "/deliveries"}) {
                String html = mvc.perform(get("/municipalities/" + PLOCK + page)
                                .with(clerk())
                                .param("lang", language))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(html)
                        .as(language + page)
                        .contains("lang=\"" + language + "\"")
                        .doesNotContain("??");
            }
        }
        assertThat(mvc.perform(get("/municipalities/" + PLOCK + "/deliveries")
                                .with(clerk())
                                .param("lang", "en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Networking of cities", "held until 7 Dec 2026, 07:00", "quiet hours", "Given up");
    }

    @Test
    void theAdminListsEveryMunicipalityAndAClerkGoesToTheirOwn() throws Exception {
        api.answer("GET /api/municipalities", 200, """
                [{"id":"%s","name":"Płock","country":"PL","language":"pl","timeZone":"Europe/Warsaw",
                  "preferences":{"deliveryMode":"IMMEDIATE","digestTime":"08:00"}},
                 {"id":"%s","name":"Lublin","country":"PL","language":"pl","timeZone":"Europe/Warsaw",
                  "preferences":{"deliveryMode":"IMMEDIATE","digestTime":"08:00"}}]""".formatted(PLOCK, LUBLIN));
        RequestPostProcessor admin = signedIn("ADMIN", Map.of());

        mvc.perform(get("/municipalities").with(admin).param("lang", "pl"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "href=\"/municipalities/" + LUBLIN + "\">Lublin</a>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<td>Polska</td>")));
        mvc.perform(get("/municipalities").with(admin).param("lang", "pt"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<td>Polónia</td>")));
        mvc.perform(get("/municipalities").with(clerk())).andExpect(redirectedUrl("/municipalities/" + PLOCK));
    }

    private void subscriptionsOfPlock() {
        api.answer("GET /api/municipalities/" + PLOCK + "/subscriptions", 200, """
                [{"id":"7d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6","selector":{"type":"THEME","value":"territorial-cohesion"},
                  "changeKinds":["RESCHEDULED","CANCELLED"],"reminders":["PT24H"],"status":"ACTIVE"}]""");
        api.answer("GET /api/themes", 200, """
                [{"slug":"territorial-cohesion","labels":{"en":"Territorial cohesion","pl":"Spójność terytorialna"}}]""");
        api.answer("GET /api/events", 200, "[]");
        api.answer("GET /api/sessions", 200, """
                {"content":[{"id":"%s","title":{"en":"Networking of cities","pl":"Sieciowanie miast"},
                             "start":"2022-10-11T17:00:00"}]}""".formatted(WEBHOOK));
    }

    private RequestPostProcessor clerk() {
        return signedIn("CLERK", Map.of("municipality_id", PLOCK, "name", "Płock clerk"));
    }
}
