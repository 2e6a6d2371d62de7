package eu.herald.subscriptions.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.egress.WebhookSecrets;
import eu.herald.subscriptions.IntegrationTest;
import eu.herald.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Endpoint registration through the API: double opt-in by email (real SMTP), web push, webhooks. */
class EndpointApiIntegrationTests extends IntegrationTest {

    private static final String P256DH =
            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
    private static final String AUTH = "tBHItJI5svbpez7KI4CCXg";
    private static final Map<String, String> KEYS = Map.of("p256dh", P256DH, "auth", AUTH);

    @Autowired
    WebhookSecrets secrets;

    @Test
    void activatesAnEmailAddressOnlyWhenTheMailedLinkIsConfirmedByPost() throws Exception {
        UUID municipality = registerMunicipality("Miasto Opole");
        UUID endpoint = registerPendingEmail(municipality, "urzad@opole.example");
        String endpointPath = "/api/municipalities/" + municipality + "/endpoints/" + endpoint;
        mvc.perform(get(endpointPath)).andExpect(jsonPath("$.status").value("PENDING_VERIFICATION"));

        assertThat(TestSmtp.to("urzad@opole.example")).hasSize(1);
        String link = verificationPath("urzad@opole.example");

        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("urzad@opole.example")))
                .andExpect(content().string(containsString("method=\"post\"")));
        mvc.perform(get(endpointPath)).andExpect(jsonPath("$.status").value("PENDING_VERIFICATION"));

        mvc.perform(post(link)).andExpect(status().isOk());
        mvc.perform(get(endpointPath))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.verifiedAt").exists());
    }

    @Test
    void mailsTheConfirmationLinkInTheMunicipalitysLanguage() throws Exception {
        UUID polish = registerMunicipality("Miasto Łomża");
        registerPendingEmail(polish, "urzad@lomza.example");
        MimeMessage mail = TestSmtp.to("urzad@lomza.example").get(0);
        assertThat(mail.getSubject()).isEqualTo("Herald: potwierdź powiadomienia dla: Miasto Łomża");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(String.valueOf(mail.getContent()))
                .contains("Ten adres zgłoszono dla: Miasto Łomża, aby otrzymywał powiadomienia Herald")
                .contains("naciśnij „Potwierdź” (link ważny do ")
                .contains("(Europe/Warsaw)")
                .contains("http://localhost:8082" + verificationPath("urzad@lomza.example"))
                .doesNotContain("registered this address");

        UUID portuguese = id(postJson(
                "/api/municipalities",
                Map.of(
                        "name",
                        "Município de Gouveia",
                        "country",
                        "PT",
                        "language",
                        "pt",
                        "timeZone",
                        "Europe/Lisbon")));
        registerPendingEmail(portuguese, "geral@gouveia.example");
        MimeMessage mailPt = TestSmtp.to("geral@gouveia.example").get(0);
        assertThat(mailPt.getSubject()).isEqualTo("Herald: confirme as notificações para: Município de Gouveia");
        assertThat(String.valueOf(mailPt.getContent()))
                .contains("Este endereço foi registado para: Município de Gouveia")
                .contains("carregando em «Confirmar» (válida até ")
                .contains("(Europe/Lisbon)");

        UUID english = id(postJson(
                "/api/municipalities",
                Map.of("name", "City of Cork", "country", "IE", "language", "en", "timeZone", "Europe/Dublin")));
        registerPendingEmail(english, "council@cork.example");
        MimeMessage mailEn = TestSmtp.to("council@cork.example").get(0);
        assertThat(mailEn.getSubject()).isEqualTo("Herald: confirm notifications for City of Cork");
        assertThat(String.valueOf(mailEn.getContent()))
                .contains("City of Cork registered this address to receive Herald notifications about public events.")
                .contains("pressing \"Confirm\" (valid until ");
    }

    @Test
    void refusesForgedOrTamperedConfirmationLinks() throws Exception {
        UUID municipality = registerMunicipality("Miasto Nysa");
        UUID endpoint = registerPendingEmail(municipality, "urzad@nysa.example");
        String link = verificationPath("urzad@nysa.example");

        mvc.perform(post(link.substring(0, link.length() - 2) + "xx")).andExpect(status().isNotFound());
        mvc.perform(post("/endpoints/verify/not-a-token")).andExpect(status().isNotFound());
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints/" + endpoint))
                .andExpect(jsonPath("$.status").value("PENDING_VERIFICATION"));
    }

    @Test
    void resendsTheConfirmationLinkOfAPendingAddress() throws Exception {
        UUID municipality = registerMunicipality("Miasto Brzeg");
        UUID endpoint = registerPendingEmail(municipality, "urzad@brzeg.example");
        mvc.perform(post("/api/municipalities/" + municipality + "/endpoints/" + endpoint + "/verification"))
                .andExpect(status().isAccepted());
        assertThat(TestSmtp.to("urzad@brzeg.example")).hasSize(2);
    }

    @Test
    void registersABrowserPushSubscriptionAsActive() throws Exception {
        UUID municipality = registerMunicipality("Miasto Kielce");
        endpoint(municipality, push("https://fcm.googleapis.com/fcm/send/abc:def"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("WEB_PUSH"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.address").value("https://fcm.googleapis.com/fcm/send/abc:def"));
    }

    @Test
    void rejectsMalformedPushSubscriptionsNamingEachField() throws Exception {
        UUID municipality = registerMunicipality("Miasto Radom");
        problem(endpoint(
                        municipality,
                        Map.of(
                                "channel",
                                "WEB_PUSH",
                                "subscription",
                                Map.of(
                                        "endpoint",
                                        "http://push.example/x",
                                        "keys",
                                        Map.of("p256dh", "c2hvcnQ", "auth", "!!!")))))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("subscription.endpoint")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("subscription.keys.p256dh")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("subscription.keys.auth")));
        problem(endpoint(municipality, Map.of("channel", "WEB_PUSH")));
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void refusesPushEndpointsThatPointInsideAndStoresNothing() throws Exception {
        UUID municipality = registerMunicipality("Miasto Zamość");
        for (String endpoint : new String[] {
            "https://127.0.0.1/push/abc",
            "https://localhost/push/abc",
            "https://10.1.2.3/push/abc",
            "https://192.168.0.5/push/abc",
            "https://[::1]/push/abc",
            "https://169.254.169.254/latest/meta-data",
            "https://[fd00:ec2::254]/latest/meta-data",
            "https://[::ffff:127.0.0.1]/push/abc",
            "https://2130706433/push/abc",
            "https://push.inside.example/push/abc",
            "https://push.nowhere.example/push/abc"
        }) {
            problem(endpoint(municipality, push(endpoint)))
                    .andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].field").value("subscription.endpoint"))
                    .andExpect(jsonPath("$.errors[0].message", startsWith("must ")));
        }
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void saysWhyTheSsrfGuardRefusesAPushServiceHost() throws Exception {
        UUID municipality = registerMunicipality("Miasto Tarnów");

        problem(endpoint(municipality, push("https://push.inside.example/push/abc")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must not point at a forbidden address: push.inside.example resolves to "
                                + "10.0.0.7 is a private address, which is not allowed"));
        problem(endpoint(municipality, push("https://169.254.169.254/latest/meta-data")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must not point at a forbidden address: 169.254.169.254 is a link-local or cloud "
                                + "metadata address, which is not allowed"));
        problem(endpoint(municipality, push("https://push.nowhere.example/push/abc")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must have a host that resolves: push.nowhere.example does not"));
        endpoint(municipality, push("https://93.184.215.14/push/abc")).andExpect(status().isCreated());
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints"))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void showsAWebhookSecretOnceAndRotatesIt() throws Exception {
        UUID municipality = registerMunicipality("Miasto Płońsk Hook");
        JsonNode created = postJson(
                "/api/municipalities/" + municipality + "/endpoints",
                Map.of("channel", "WEBHOOK", "url", "https://hooks.plonsk.example/herald"));
        UUID endpoint = id(created);
        assertThat(created.get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(created.get("secretVersion").asInt()).isEqualTo(1);
        String first = created.get("secret").stringValue();
        assertThat(first).startsWith("whsec_").isEqualTo(secrets.secret(endpoint, 1));

        String path = "/api/municipalities/" + municipality + "/endpoints/" + endpoint;
        mvc.perform(get(path)).andExpect(jsonPath("$.secret").doesNotExist());
        mvc.perform(post(path + "/secret"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secretVersion").value(2))
                .andExpect(jsonPath("$.secret", startsWith("whsec_")))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).doesNotContain(first));
        mvc.perform(get(path)).andExpect(jsonPath("$.secretVersion").value(2));

        UUID otherTenant = registerMunicipality("Miasto Cudze");
        mvc.perform(post("/api/municipalities/" + otherTenant + "/endpoints/" + endpoint + "/secret"))
                .andExpect(status().isNotFound());
        mvc.perform(get(path)).andExpect(jsonPath("$.secretVersion").value(2));
    }

    @Test
    void rejectsWebhooksThatAreNotHttpsOrPointInside() throws Exception {
        UUID municipality = registerMunicipality("Miasto Chełm");
        for (String url : new String[] {
            "http://hooks.chelm.example/herald",
            "ftp://hooks.chelm.example",
            "https://",
            "not a url",
            "https://127.0.0.1/hook",
            "https://localhost/hook",
            "https://10.1.2.3/hook",
            "https://192.168.0.5/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hook",
            "https://user:pass@hooks.chelm.example/",
            // the same addresses spelled otherwise, and names that lead inside or nowhere
            "https://2130706433/hook",
            "https://0177.0.0.1/hook",
            "https://0x7f.1/hook",
            "https://127.1/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:a9fe:a9fe]/latest/meta-data",
            "https://[fd00:ec2::254]/latest/meta-data",
            "https://[fe80::1]/hook",
            "https://100.64.0.1/hook",
            "https://0.0.0.0/hook",
            "https://224.0.0.1/hook",
            "https://hooks.inside.example/herald",
            "https://hooks.nowhere.example/herald"
        }) {
            problem(endpoint(municipality, Map.of("channel", "WEBHOOK", "url", url)))
                    .andExpect(jsonPath("$.errors[0].field").value("url"));
        }
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void saysWhyTheSsrfGuardRefusesAWebhookHost() throws Exception {
        UUID municipality = registerMunicipality("Miasto Sieradz");

        problem(endpoint(municipality, Map.of("channel", "WEBHOOK", "url", "https://hooks.inside.example/herald")))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must not point at a forbidden address: hooks.inside.example resolves to "
                                + "10.0.0.7 is a private address, which is not allowed"));
        problem(endpoint(municipality, Map.of("channel", "WEBHOOK", "url", "https://[::ffff:7f00:1]/herald")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must not point at a forbidden address: 127.0.0.1 is a loopback address, which is "
                                + "not allowed"));
        problem(endpoint(municipality, Map.of("channel", "WEBHOOK", "url", "https://hooks.nowhere.example/herald")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must have a host that resolves: hooks.nowhere.example does not"));
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void refusesDuplicatesAndMoreEndpointsThanTheLimit() throws Exception {
        UUID municipality = registerMunicipality("Miasto Limit");
        for (int i = 1; i <= 4; i++) {
            endpoint(municipality, Map.of("channel", "WEBHOOK", "url", "https://hooks.limit.example/" + i))
                    .andExpect(status().isCreated());
        }
        endpoint(municipality, Map.of("channel", "WEBHOOK", "url", "https://hooks.limit.example/1"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        problem(endpoint(municipality, Map.of("channel", "WEBHOOK", "url", "https://hooks.limit.example/5")))
                .andExpect(jsonPath("$.errors[0].message", containsString("most endpoints")));
        mvc.perform(get("/api/municipalities/" + municipality + "/endpoints"))
                .andExpect(jsonPath("$.length()").value(4));
    }

    private static Map<String, Object> push(String endpoint) {
        return Map.of("channel", "WEB_PUSH", "subscription", Map.of("endpoint", endpoint, "keys", KEYS));
    }

    private ResultActions endpoint(UUID municipality, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/municipalities/" + municipality + "/endpoints")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private static ResultActions problem(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors").isArray());
    }
}
