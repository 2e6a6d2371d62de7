package eu.herald.subscriptions.page;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.signing.SignedTokens;
import eu.herald.subscriptions.theme.ThemeUpdated;
import eu.herald.subscriptions.theme.Themes;
import eu.herald.subscriptions.unsubscribe.UnsubscribeLinks;
import eu.herald.testsupport.ContractSchemas;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages the mailed links open, in the language of the mails: the unsubscribe page names the theme by its label,
 * the event and the session by their names as the session changes on the real broker brought them.
 */
class PublicPagesIntegrationTests extends IntegrationTest {

    private static final String SESSION_CHANGES = "catalogue.session-changes.v1";
    private static final String TITLE_PL = "Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji";
    private static final String TITLE_EN =
            "Networking of cities and municipalities as a way to transfer knowledge and innovation";
    private static final String EVENT_PL = "20. Europejski Tydzień Regionów i Miast";
    private static final Map<String, String> COHESION =
            Map.of("en", "Territorial cohesion", "pl", "Spójność terytorialna", "pt", "Coesão territorial");

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    SignedTokens tokens;

    @Autowired
    Themes themes;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void unsubscribePageOfAPolishMunicipalityIsPolishAndNamesTheThemeTheEventAndTheSession() throws Exception {
        String theme = unique("cohesion");
        themes.save(new ThemeUpdated(theme, COHESION, false));
        UUID session = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID municipality = registerMunicipality("Miasto Sierpc");
        UUID endpoint = registerEmail(municipality, "urzad@sierpc.example");
        String ofTheme = unsubscribePath(endpoint, subscribe(municipality, "THEME", theme));
        String ofSession = unsubscribePath(endpoint, subscribe(municipality, "SESSION", session.toString()));
        String ofEvent = unsubscribePath(endpoint, subscribe(municipality, "EVENT", event.toString()));

        page(get(ofTheme))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "pl"))
                .andExpect(content().string(containsString("<html lang=\"pl\">")))
                .andExpect(content().string(containsString("<title>Wypisanie z powiadomień · Herald</title>")))
                .andExpect(content().string(containsString("<h1>Wypisanie z powiadomień</h1>")))
                .andExpect(content().string(containsString("Miasto Sierpc")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Przestać wysyłać na adres urzad@sierpc.example powiadomienia o temacie „Spójność terytorialna”?")))
                .andExpect(content().string(containsString("method=\"post\"")))
                .andExpect(content().string(not(containsString(theme))));
        // nothing is known of the session yet: a neutral wording, never its id
        page(get(ofSession))
                .andExpect(content().string(containsString("powiadomienia o tej sesji?")))
                .andExpect(content().string(not(containsString(session.toString()))));

        publishChange(session, event);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> page(get(ofSession))
                        .andExpect(content().string(containsString("o sesji „" + TITLE_PL + "”?"))));
        page(get(ofEvent))
                .andExpect(content().string(containsString("o wydarzeniu „" + EVENT_PL + "”?")))
                .andExpect(content().string(not(containsString(event.toString()))));
        page(post(ofSession).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Wypisano</h1>")))
                .andExpect(content()
                        .string(containsString("Adres urzad@sierpc.example nie otrzymuje już powiadomień o sesji „"
                                + TITLE_PL + "”.")));
    }

    @Test
    void unsubscribePageOfAPortugueseMunicipalityIsPortuguese() throws Exception {
        String theme = unique("cohesion");
        themes.save(new ThemeUpdated(theme, COHESION, false));
        UUID session = UUID.randomUUID();
        UUID municipality = registerPortugueseMunicipality("Município de Tondela");
        UUID endpoint = registerEmail(municipality, "geral@tondela.example");
        String ofTheme = unsubscribePath(endpoint, subscribe(municipality, "THEME", theme));
        String ofSession = unsubscribePath(endpoint, subscribe(municipality, "SESSION", session.toString()));
        publishChange(session, UUID.randomUUID());

        page(get(ofTheme))
                .andExpect(content().string(containsString("<html lang=\"pt\">")))
                .andExpect(content().string(containsString("<h1>Cancelar a subscrição</h1>")))
                .andExpect(content().string(containsString("Município de Tondela")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Deixar de enviar para geral@tondela.example as notificações sobre o tema «Coesão territorial»?")));
        // the session has no Portuguese title: its English one rather than none
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> page(get(ofSession))
                        .andExpect(content().string(containsString("sobre a sessão «" + TITLE_EN + "»?"))));
    }

    @Test
    void explainsALinkThatIsNotValidInTheMunicipalitysLanguageWhenTheTokenIsGenuineElseTheBrowsers() throws Exception {
        UUID municipality = registerMunicipality("Miasto Płońsk");
        UUID endpoint = registerEmail(municipality, "urzad@plonsk.example");
        UUID subscription = subscribe(municipality, "THEME", unique("theme"));
        String link = unsubscribePath(endpoint, subscription);
        mvc.perform(delete("/api/municipalities/" + municipality + "/subscriptions/" + subscription))
                .andExpect(status().isNoContent());

        page(get(link))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html lang=\"pl\">")))
                .andExpect(content().string(containsString("Ten link do wypisania się jest już nieważny.")));
        page(get("/unsubscribe/forged"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("This unsubscribe link is not valid any more.")));
        page(post("/unsubscribe/forged").header(HttpHeaders.ACCEPT_LANGUAGE, "pt-PT,pt;q=0.9,en;q=0.8"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html lang=\"pt\">")))
                .andExpect(content().string(containsString("<h1>Ligação inválida</h1>")));
    }

    @Test
    void verificationPageIsInTheMunicipalitysLanguage() throws Exception {
        UUID polish = registerMunicipality("Miasto Ciechanów");
        registerPendingEmail(polish, "urzad@ciechanow.example");
        String link = verificationPath("urzad@ciechanow.example");

        page(get(link))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"pl\">")))
                .andExpect(content().string(containsString("<h1>Potwierdź powiadomienia</h1>")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Otrzymywać powiadomienia Herald o wydarzeniach publicznych na adres urzad@ciechanow.example?")))
                .andExpect(content().string(containsString("Ten adres zgłoszono dla: Miasto Ciechanów.")))
                .andExpect(content().string(containsString(">Potwierdź</button>")));
        page(post(link))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Adres potwierdzony</h1>")));

        UUID portuguese = registerPortugueseMunicipality("Município de Seia");
        registerPendingEmail(portuguese, "geral@seia.example");
        page(get(verificationPath("geral@seia.example")))
                .andExpect(content().string(containsString("<html lang=\"pt\">")))
                .andExpect(content().string(containsString("<h1>Confirmar as notificações</h1>")))
                .andExpect(content().string(containsString("Município de Seia")));
    }

    @Test
    void explainsAnExpiredConfirmationLinkInTheMunicipalitysLanguage() throws Exception {
        UUID municipality = registerMunicipality("Miasto Mława");
        UUID endpoint = registerPendingEmail(municipality, "urzad@mlawa.example");
        long yesterday = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        String expired = "/endpoints/verify/" + tokens.sign("verify-endpoint", endpoint + ":" + yesterday);

        page(post(expired))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html lang=\"pl\">")))
                .andExpect(content().string(containsString("<h1>Link wygasł</h1>")))
                .andExpect(content().string(containsString("Miasto Mława")));
        page(get("/endpoints/verify/forged").header(HttpHeaders.ACCEPT_LANGUAGE, "pl"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Ten link potwierdzający jest nieprawidłowy.")));
    }

    private ResultActions page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    private String unsubscribePath(UUID endpoint, UUID subscription) {
        return links.unsubscribeUrl(endpoint, subscription).substring("http://localhost:8082".length());
    }

    private UUID registerPortugueseMunicipality(String name) throws Exception {
        return id(postJson(
                "/api/municipalities",
                Map.of("name", name, "country", "PT", "language", "pt", "timeZone", "Europe/Lisbon")));
    }

    /** The catalogue's example rescheduling (titles in English and Polish, the event's name in three languages). */
    private void publishChange(UUID session, UUID event) throws Exception {
        ObjectNode change = (ObjectNode)
                json.readTree(ContractSchemas.examples(SESSION_CHANGES).get("rescheduled.json"));
        change.put("changeId", UUID.randomUUID().toString());
        ((ObjectNode) change.get("session")).put("id", session.toString()).put("eventId", event.toString());
        var headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", change.get("changeId").stringValue().getBytes(UTF_8));
        headers.add("ce_type", "eu.herald.session.rescheduled.v1".getBytes(UTF_8));
        headers.add("ce_source", "/herald/catalogue".getBytes(UTF_8));
        headers.add("ce_subject", session.toString().getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        try (var catalogue = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            catalogue
                    .send(new ProducerRecord<>(
                            SESSION_CHANGES, null, session.toString(), json.writeValueAsBytes(change), headers))
                    .get();
        }
    }
}
