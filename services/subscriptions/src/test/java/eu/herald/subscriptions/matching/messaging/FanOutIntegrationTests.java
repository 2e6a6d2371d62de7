package eu.herald.subscriptions.matching.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.IntegrationTest;
import eu.herald.subscriptions.Tokens;
import eu.herald.testsupport.ContractSchemas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Session changes published to the real broker the way the catalogue publishes them, and the
 * requests the matcher commits, read as the notifiers read them (read_committed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanOutIntegrationTests extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    MeterRegistry metrics;

    private KafkaProducer<String, byte[]> catalogue;
    private Admin admin;

    @BeforeAll
    void connect() {
        catalogue = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterAll
    void disconnect() {
        catalogue.close();
        admin.close();
    }

    @Test
    void consumesAndProducesInOneKafkaTransaction() {
        var matcher = (AbstractMessageListenerContainer<?, ?>) listeners.getListenerContainer("subscriptions-matcher");
        assertThat(matcher).isNotNull();
        ContainerProperties properties = matcher.getContainerProperties();
        PlatformTransactionManager transactions = properties.getKafkaAwareTransactionManager() != null
                ? properties.getKafkaAwareTransactionManager()
                : properties.getTransactionManager();
        assertThat(transactions).isInstanceOf(KafkaTransactionManager.class);
        assertThat(matcher.getAfterRollbackProcessor())
                .isInstanceOf(DefaultAfterRollbackProcessor.class)
                .matches(AfterRollbackProcessor::isProcessInTransaction, "recovers in a transaction");
        assertThat(String.valueOf(consumers.getConfigurationProperties().get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)))
                .isEqualToIgnoringCase("read_committed");
    }

    @Test
    void notifiesEachMatchingMunicipalityOnceWithTheChangeAsReceived() throws Exception {
        String theme = unique("theme");
        UUID gdansk = registerMunicipality("Miasto Gdańsk");
        UUID gdanskOffice = registerEmail(gdansk, "urzad@gdansk.example");
        UUID sopot = registerMunicipality("Miasto Sopot");
        registerEmail(sopot, "urzad@sopot.example");
        registerEmail(sopot, "rada@sopot.example");
        UUID gdynia = registerMunicipality("Miasto Gdynia");
        registerEmail(gdynia, "urzad@gdynia.example");
        UUID withoutEndpoints = registerMunicipality("Miasto Bez Adresu");
        subscribe(gdansk, "THEME", theme);
        subscribe(sopot, "THEME", theme);
        subscribe(gdynia, "THEME", unique("other-theme"));
        subscribe(withoutEndpoints, "THEME", theme);

        ObjectNode change =
                change("RESCHEDULED", List.of(theme, unique("unfollowed")), UUID.randomUUID(), UUID.randomUUID());
        // the matcher registers its meters on first use: before any RESCHEDULED change there are none
        @Nullable DistributionSummary before = fanOuts("RESCHEDULED");
        long changesBefore = before == null ? 0 : before.count();
        double requestsBefore = before == null ? 0 : before.totalAmount();
        List<ConsumerRecord<String, String>> requests = requestsFor(change);

        assertThat(requests)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(gdansk.toString(), sopot.toString());
        DistributionSummary after =
                metrics.get("herald.matcher.fanout").tag("kind", "RESCHEDULED").summary();
        assertThat(after.count()).isEqualTo(changesBefore + 1);
        assertThat(after.totalAmount() - requestsBefore).isEqualTo(2);
        assertThat(metrics.get("herald.matcher.duration")
                        .tag("kind", "RESCHEDULED")
                        .timer()
                        .count())
                .isPositive();
        String changeId = change.get("changeId").stringValue();
        for (ConsumerRecord<String, String> record : requests) {
            ContractSchemas.assertConforms(Topics.NOTIFICATION_REQUESTS, record.value());
            JsonNode request = json.readTree(record.value());
            UUID requestId = UUID.nameUUIDFromBytes((changeId + ":" + record.key()).getBytes(UTF_8));
            assertThat(request.get("requestId").stringValue()).isEqualTo(requestId.toString());
            assertThat(request.get("change")).isEqualTo(change);
            assertThat(request.at("/recipient/municipalityId").stringValue()).isEqualTo(record.key());
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isEqualTo(requestId.toString());
            assertThat(header(record, "ce_type")).isEqualTo("eu.herald.notification.requested.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/herald/subscriptions");
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(Instant.parse(header(record, "ce_time"))).isBeforeOrEqualTo(Instant.now());
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(record.headers().lastHeader("__TypeId__")).isNull();
        }
        JsonNode toGdansk = json.readTree(requests.stream()
                .filter(record -> record.key().equals(gdansk.toString()))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(toGdansk.at("/recipient/name").stringValue()).isEqualTo("Miasto Gdańsk");
        assertThat(toGdansk.at("/recipient/language").stringValue()).isEqualTo("pl");
        assertThat(toGdansk.at("/recipient/timeZone").stringValue()).isEqualTo("Europe/Warsaw");
        assertThat(toGdansk.at("/endpoints/0/endpointId").stringValue()).isEqualTo(gdanskOffice.toString());
        assertThat(toGdansk.at("/endpoints/0/address").stringValue()).isEqualTo("urzad@gdansk.example");
        JsonNode toSopot = json.readTree(requests.stream()
                .filter(record -> record.key().equals(sopot.toString()))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(toSopot.get("endpoints")).hasSize(2);
    }

    @Test
    void countsAsTheAudienceOfAChangeExactlyTheMunicipalitiesAndEndpointsItThenNotifies() throws Exception {
        String theme = unique("theme");
        UUID event = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID gniezno = registerMunicipality("Miasto Gniezno");
        registerEmail(gniezno, "urzad@gniezno.example");
        registerEmail(gniezno, "rada@gniezno.example");
        registerPendingEmail(gniezno, "niepotwierdzony@gniezno.example");
        subscribe(gniezno, "THEME", theme);
        UUID konin = registerMunicipality("Miasto Konin");
        registerEmail(konin, "urzad@konin.example");
        subscribe(konin, "THEME", theme);
        subscribe(konin, "EVENT", event.toString());
        UUID onlyCancellations = registerMunicipality("Miasto Piła");
        registerEmail(onlyCancellations, "urzad@pila.example");
        subscribe(onlyCancellations, "THEME", theme, "CANCELLED");
        subscribe(registerMunicipality("Miasto Bez Adresu"), "THEME", theme);
        ObjectNode change = change("RESCHEDULED", List.of(theme), event, session);
        String query = json.writeValueAsString(
                Map.of("sessionId", session, "eventId", event, "themes", List.of(theme), "kind", "RESCHEDULED"));

        mvc.perform(post("/api/audience")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(query))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"municipalities": 2, "endpoints": 3, "byChannel": {"EMAIL": 3, "WEB_PUSH": 0, "WEBHOOK": 0}}
                        """));
        assertThat(countAll(Topics.NOTIFICATION_REQUESTS, theme))
                .as("requests sent by the count")
                .isZero();

        List<ConsumerRecord<String, String>> requests = requestsFor(change);

        assertThat(requests)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(gniezno.toString(), konin.toString());
        assertThat(requests.stream()
                        .mapToInt(record ->
                                json.readTree(record.value()).get("endpoints").size())
                        .sum())
                .isEqualTo(3);
    }

    @Test
    void notifiesEachMunicipalityOnceWhenThemeEventAndSessionOverlap() throws Exception {
        String theme = unique("theme");
        UUID event = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID torun = registerMunicipality("Miasto Toruń");
        registerEmail(torun, "urzad@torun.example");
        subscribe(torun, "THEME", theme);
        subscribe(torun, "EVENT", event.toString());
        subscribe(torun, "SESSION", session.toString());
        UUID byEventOnly = registerMunicipality("Miasto Bydgoszcz");
        registerEmail(byEventOnly, "urzad@bydgoszcz.example");
        subscribe(byEventOnly, "EVENT", event.toString().toUpperCase());

        List<ConsumerRecord<String, String>> requests = requestsFor(change("UPDATED", List.of(theme), event, session));

        assertThat(requests)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(torun.toString(), byEventOnly.toString());
    }

    @Test
    void leavesOutSubscriptionsWhoseChangeKindsExcludeTheChange() throws Exception {
        String theme = unique("theme");
        UUID onlyCancellations = registerMunicipality("Miasto Kalisz");
        registerEmail(onlyCancellations, "urzad@kalisz.example");
        subscribe(onlyCancellations, "THEME", theme, "CANCELLED");
        UUID everything = registerMunicipality("Miasto Konin");
        registerEmail(everything, "urzad@konin.example");
        subscribe(everything, "THEME", theme);
        UUID session = UUID.randomUUID();

        List<ConsumerRecord<String, String>> rescheduled =
                requestsFor(change("RESCHEDULED", List.of(theme), null, session));
        List<ConsumerRecord<String, String>> cancelled =
                requestsFor(change("CANCELLED", List.of(theme), null, session));

        assertThat(rescheduled).extracting(ConsumerRecord::key).containsExactly(everything.toString());
        assertThat(cancelled)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(everything.toString(), onlyCancellations.toString());
    }

    @Test
    void carriesTheDigestTimeTheRemindersOfTheMatchedSubscriptionsAndTheSessionsEvent() throws Exception {
        String theme = unique("theme");
        UUID event = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID wloclawek = registerMunicipality("Miasto Włocławek");
        registerEmail(wloclawek, "urzad@wloclawek.example");
        mvc.perform(put("/api/municipalities/" + wloclawek + "/preferences")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deliveryMode\": \"DAILY_DIGEST\", \"digestTime\": \"18:15\"}"))
                .andExpect(status().isOk());
        remind(wloclawek, subscribe(wloclawek, "THEME", theme), "PT1H", "PT24H");
        remind(wloclawek, subscribe(wloclawek, "EVENT", event.toString()), "PT60M", "P2D");
        remind(wloclawek, subscribe(wloclawek, "SESSION", UUID.randomUUID().toString()), "PT5M");
        remind(wloclawek, subscribe(wloclawek, "SESSION", session.toString(), "CANCELLED"), "PT30M");
        UUID plain = registerMunicipality("Miasto Ciechocinek");
        registerEmail(plain, "urzad@ciechocinek.example");
        subscribe(plain, "THEME", theme);
        ObjectNode change = change("UPDATED", List.of(theme), event, session);
        ((ObjectNode) change.get("session"))
                .putObject("eventName")
                .put("en", "20th European Week of Regions and Cities")
                .put("pl", "20. Europejski Tydzień Regionów i Miast");

        Map<String, JsonNode> requests = requestsFor(change).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, record -> json.readTree(record.value())));

        JsonNode toWloclawek = requests.get(wloclawek.toString());
        assertThat(toWloclawek.at("/recipient/preferences/digestTime").stringValue())
                .isEqualTo("18:15");
        assertThat(toWloclawek.get("reminders").valueStream().map(JsonNode::stringValue))
                .containsExactly("PT48H", "PT24H", "PT1H");
        assertThat(toWloclawek.at("/change/session/eventId").stringValue()).isEqualTo(event.toString());
        assertThat(toWloclawek.at("/change/session/eventName")).isEqualTo(change.at("/session/eventName"));
        JsonNode toPlain = requests.get(plain.toString());
        assertThat(toPlain.at("/recipient/preferences/digestTime").stringValue())
                .isEqualTo("08:00");
        assertThat(toPlain.get("reminders")).isEmpty();
        requests.values()
                .forEach(request -> ContractSchemas.assertConforms(Topics.NOTIFICATION_REQUESTS, request.toString()));
    }

    private void remind(UUID municipality, UUID subscription, String... leads) throws Exception {
        mvc.perform(put("/api/municipalities/" + municipality + "/subscriptions/" + subscription + "/reminders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("reminders", List.of(leads)))))
                .andExpect(status().isOk());
    }

    @Test
    void notifiesTheSeededMunicipalitiesFollowingTerritorialCohesionButNotGuimaraes() throws Exception {
        ObjectNode rescheduled = (ObjectNode)
                json.readTree(ContractSchemas.examples(Topics.SESSION_CHANGES).get("rescheduled.json"));
        rescheduled.put("changeId", UUID.randomUUID().toString());

        List<ConsumerRecord<String, String>> requests = requestsFor(rescheduled);

        assertThat(requests)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(
                        "6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b", // Płock
                        "40120a76-e603-4d24-beb1-b0fb909e4e3e", // Lublin
                        "d9756d35-e7f4-4bc4-b64e-7fb67058f558"); // Fundão
        JsonNode toPlock = json.readTree(requests.stream()
                .filter(record -> record.key().equals("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b"))
                .findFirst()
                .orElseThrow()
                .value());
        // the seed of CONTRIBUTING.md, as in the contract's email-pl.json example
        assertThat(toPlock.get("recipient")).isEqualTo(json.readTree("""
                        {"municipalityId": "6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b", "name": "Miasto Płock",
                         "country": "PL", "language": "pl", "timeZone": "Europe/Warsaw",
                         "preferences": {"deliveryMode": "IMMEDIATE", "quietHours": null, "digestTime": "08:00"}}
                        """));
        assertThat(toPlock.get("endpoints")).hasSize(1);
        assertThat(toPlock.at("/endpoints/0/endpointId").stringValue())
                .isEqualTo("9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a");
        assertThat(toPlock.at("/endpoints/0/channel").stringValue()).isEqualTo("EMAIL");
        assertThat(toPlock.at("/endpoints/0/address").stringValue()).isEqualTo("powiadomienia@plock.example");
        assertThat(toPlock.at("/endpoints/0/unsubscribeUrl").stringValue())
                .startsWith("http://localhost:8082/unsubscribe/");
        requests.forEach(record -> ContractSchemas.assertConforms(Topics.NOTIFICATION_REQUESTS, record.value()));
    }

    @Test
    void deadLettersUnreadableRecordsAndGoesOnWithTheNext() throws Exception {
        String theme = unique("theme");
        UUID plonsk = registerMunicipality("Miasto Płońsk");
        registerEmail(plonsk, "urzad@plonsk.example");
        subscribe(plonsk, "THEME", theme);
        UUID session = UUID.randomUUID();
        // same key, so the same partition: the good change can only be read after the bad ones
        String notJson = "{\"changeId\": " + UUID.randomUUID();
        ObjectNode withoutSessionId = change("UPDATED", List.of(theme), null, session);
        RecordHeaders catalogueHeaders = headers(withoutSessionId);
        withoutSessionId.withObject("/session").remove("id");
        double deadLettersBefore = deadLettered(Topics.SESSION_CHANGES_DEAD_LETTERS);
        RecordMetadata unreadable = publish(session.toString(), notJson.getBytes(UTF_8), catalogueHeaders);
        RecordMetadata incomplete =
                publish(session.toString(), json.writeValueAsBytes(withoutSessionId), catalogueHeaders);

        List<ConsumerRecord<String, String>> requests = requestsFor(change("UPDATED", List.of(theme), null, session));

        assertThat(requests).extracting(ConsumerRecord::key).containsExactly(plonsk.toString());
        List<ConsumerRecord<String, byte[]>> deadLetters =
                readCommitted(Topics.SESSION_CHANGES_DEAD_LETTERS, ByteArrayDeserializer.class).stream()
                        .filter(record -> record.key() != null && record.key().equals(session.toString()))
                        .toList();
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLettered(Topics.SESSION_CHANGES_DEAD_LETTERS) - deadLettersBefore)
                .isEqualTo(2);
        assertThat(new String(deadLetters.get(0).value(), UTF_8)).isEqualTo(notJson);
        assertThat(deadLetters.get(1).value()).isEqualTo(json.writeValueAsBytes(withoutSessionId));
        for (ConsumerRecord<String, byte[]> deadLetter : deadLetters) {
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("DeserializationException");
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.SESSION_CHANGES);
            assertThat(header(deadLetter, "ce_subject")).isEqualTo(session.toString());
            assertThat(deadLetter.partition()).isEqualTo(unreadable.partition());
        }
        assertThat(deadLetters)
                .extracting(record -> ByteBuffer.wrap(record.headers()
                                .lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                                .value())
                        .getLong())
                .containsExactly(unreadable.offset(), incomplete.offset());
    }

    @Test
    void skipsPendingAndDisabledEndpointsAndHonoursTheSubscriptionsEndpointsAndLanguage() throws Exception {
        String theme = unique("theme");
        UUID elblag = registerMunicipality("Miasto Elbląg");
        UUID confirmed = registerEmail(elblag, "urzad@elblag.example");
        registerPendingEmail(elblag, "nowy@elblag.example");
        UUID disabled = registerEmail(elblag, "stary@elblag.example");
        jdbc.sql("update endpoint set status = 'DISABLED', status_reason = 'test' where id = :id")
                .param("id", disabled)
                .update();
        subscribe(elblag, "THEME", theme);
        UUID olsztyn = registerMunicipality("Miasto Olsztyn");
        UUID chosen = registerEmail(olsztyn, "wybrany@olsztyn.example");
        registerEmail(olsztyn, "inny@olsztyn.example");
        knownTheme(theme);
        postJson(
                "/api/municipalities/" + olsztyn + "/subscriptions",
                Map.of(
                        "selector", Map.of("type", "THEME", "value", theme),
                        "endpointIds", List.of(chosen),
                        "language", "en"));

        List<ConsumerRecord<String, String>> requests =
                requestsFor(change("RELOCATED", List.of(theme), null, UUID.randomUUID()));

        JsonNode toElblag = request(requests, elblag);
        assertThat(toElblag.get("endpoints")).hasSize(1);
        assertThat(toElblag.at("/endpoints/0/endpointId").stringValue()).isEqualTo(confirmed.toString());
        assertThat(toElblag.at("/recipient/language").stringValue()).isEqualTo("pl");
        JsonNode toOlsztyn = request(requests, olsztyn);
        assertThat(toOlsztyn.get("endpoints")).hasSize(1);
        assertThat(toOlsztyn.at("/endpoints/0/endpointId").stringValue()).isEqualTo(chosen.toString());
        assertThat(toOlsztyn.at("/recipient/language").stringValue()).isEqualTo("en");
    }

    @Test
    void carriesWebPushAndWebhookEndpointsWithoutSecrets() throws Exception {
        String theme = unique("theme");
        UUID leszno = registerMunicipality("Miasto Leszno");
        UUID push = id(postJson(
                "/api/municipalities/" + leszno + "/endpoints",
                Map.of(
                        "channel",
                        "WEB_PUSH",
                        "subscription",
                        Map.of(
                                "endpoint",
                                "https://updates.push.services.mozilla.com/wpush/v2/abc",
                                "keys",
                                Map.of(
                                        "p256dh",
                                        "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
                                        "auth",
                                        "tBHItJI5svbpez7KI4CCXg")))));
        JsonNode hook = postJson(
                "/api/municipalities/" + leszno + "/endpoints",
                Map.of("channel", "WEBHOOK", "url", "https://hooks.leszno.example/herald"));
        subscribe(leszno, "THEME", theme);

        List<ConsumerRecord<String, String>> requests =
                requestsFor(change("UPDATED", List.of(theme), null, UUID.randomUUID()));

        assertThat(requests).hasSize(1);
        String value = requests.get(0).value();
        ContractSchemas.assertConforms(Topics.NOTIFICATION_REQUESTS, value);
        assertThat(value).doesNotContain(hook.get("secret").stringValue());
        JsonNode request = json.readTree(value);
        assertThat(request.at("/endpoints/0/endpointId").stringValue()).isEqualTo(push.toString());
        assertThat(request.at("/endpoints/0/webPush/auth").stringValue()).isEqualTo("tBHItJI5svbpez7KI4CCXg");
        assertThat(request.at("/endpoints/1/webhook/url").stringValue())
                .isEqualTo("https://hooks.leszno.example/herald");
        assertThat(request.at("/endpoints/1/webhook/secretVersion").asInt()).isEqualTo(1);
    }

    @Test
    void carriesThePreviousSecretsGracePeriodAfterARotation() throws Exception {
        String theme = unique("theme");
        UUID kalisz = registerMunicipality("Miasto Kalisz");
        JsonNode hook = postJson(
                "/api/municipalities/" + kalisz + "/endpoints",
                Map.of("channel", "WEBHOOK", "url", "https://hooks.kalisz.example/herald"));
        subscribe(kalisz, "THEME", theme);

        JsonNode before = request(requestsFor(change("UPDATED", List.of(theme), null, UUID.randomUUID())), kalisz);
        Instant rotated = Instant.now();
        mvc.perform(post("/api/municipalities/" + kalisz + "/endpoints/" + id(hook) + "/secret"))
                .andExpect(status().isOk());
        List<ConsumerRecord<String, String>> after =
                requestsFor(change("UPDATED", List.of(theme), null, UUID.randomUUID()));

        assertThat(before.at("/endpoints/0/webhook/secretVersion").asInt()).isEqualTo(1);
        assertThat(before.at("/endpoints/0/webhook").has("previousSecretUntil")).isFalse();
        ContractSchemas.assertConforms(
                Topics.NOTIFICATION_REQUESTS, after.get(0).value());
        JsonNode webhook = request(after, kalisz).at("/endpoints/0/webhook");
        assertThat(webhook.get("secretVersion").asInt()).isEqualTo(2);
        // herald.subscriptions.webhooks.rotation-grace: 24 hours by default
        assertThat(Instant.parse(webhook.get("previousSecretUntil").stringValue()))
                .isBetween(
                        rotated.plus(Duration.ofHours(24)).minusSeconds(5),
                        Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void unsubscribesByOneClickPostWhileGetChangesNothing() throws Exception {
        String theme = unique("theme");
        UUID zamosc = registerMunicipality("Miasto Zamość");
        registerEmail(zamosc, "urzad@zamosc.example");
        UUID subscription = subscribe(zamosc, "THEME", theme);
        UUID session = UUID.randomUUID();

        JsonNode first = request(requestsFor(change("PUBLISHED", List.of(theme), null, session)), zamosc);
        String link = first.at("/endpoints/0/unsubscribeUrl").stringValue();
        assertThat(link).startsWith("http://localhost:8082/unsubscribe/");
        String path = link.substring("http://localhost:8082".length());

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("urzad@zamosc.example")));
        assertThat(requestsFor(change("UPDATED", List.of(theme), null, session)))
                .extracting(ConsumerRecord::key)
                .containsExactly(zamosc.toString());

        mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        mvc.perform(post(path.substring(0, path.length() - 3) + "abc")).andExpect(status().isNotFound());
        mvc.perform(get("/api/municipalities/" + zamosc + "/subscriptions/" + subscription))
                .andExpect(jsonPath("$.mutedEndpointIds.length()").value(1));
        assertThat(requestsFor(change("RESCHEDULED", List.of(theme), null, session)))
                .isEmpty();
    }

    /** ADR 0008: a cancellation follows the subscriptions as they are now, like every other change. */
    @Test
    void cancellationReachesOnlyMunicipalitiesThatStillFollowTheSession() throws Exception {
        String theme = unique("theme");
        UUID session = UUID.randomUUID();
        UUID stays = registerMunicipality("Miasto Zostaje");
        registerEmail(stays, "urzad@zostaje.example");
        subscribe(stays, "THEME", theme);
        UUID narrows = registerMunicipality("Miasto Zawęża");
        registerEmail(narrows, "urzad@zaweza.example");
        UUID narrowed = subscribe(narrows, "THEME", theme);
        UUID leaves = registerMunicipality("Miasto Odchodzi");
        registerEmail(leaves, "urzad@odchodzi.example");
        UUID left = subscribe(leaves, "THEME", theme);

        assertThat(requestsFor(change("PUBLISHED", List.of(theme), null, session)))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(stays.toString(), narrows.toString(), leaves.toString());

        mvc.perform(put("/api/municipalities/" + narrows + "/subscriptions/" + narrowed)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"changeKinds\": [\"PUBLISHED\"]}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/municipalities/" + leaves + "/subscriptions/" + left))
                .andExpect(status().isNoContent());

        assertThat(requestsFor(change("CANCELLED", List.of(theme), null, session)))
                .extracting(ConsumerRecord::key)
                .containsExactly(stays.toString());
    }

    /**
     * The matcher loses its database connection in the middle of a large fan-out, after part of the
     * requests went to the broker: the Kafka transaction aborts, the change is consumed again, and a
     * read_committed consumer sees exactly one request per municipality.
     */
    @Test
    void emitsExactlyOneRequestPerMunicipalityWhenTheFanOutFailsMidBatch() throws Exception {
        int municipalities = 3000;
        String theme = unique("crowd");
        seedFollowers(theme, municipalities, false);
        ObjectNode change = change("RESCHEDULED", List.of(theme), null, UUID.randomUUID());
        String changeId = change.get("changeId").stringValue();
        RecordMetadata published = publish(change);

        int interrupted = 0;
        try (KafkaConsumer<String, String> uncommitted = consumer(StringDeserializer.class, "read_uncommitted")) {
            List<TopicPartition> partitions = consumer(uncommitted, Topics.NOTIFICATION_REQUESTS);
            uncommitted.assign(partitions);
            uncommitted.seekToEnd(partitions);
            partitions.forEach(uncommitted::position);
            int[] inFlight = {0};
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : uncommitted.poll(Duration.ofMillis(100))) {
                    if (record.value().contains(changeId)) {
                        inFlight[0]++;
                    }
                }
                return inFlight[0] >= 200;
            });
            interrupted = jdbc.sql("""
                            select count(pg_terminate_backend(pid)) from pg_stat_activity
                             where query like '%with matched as%' and pid <> pg_backend_pid()
                               and state in ('active', 'idle in transaction')
                            """).query(Integer.class).single();
        }
        assertThat(interrupted).as("fan-outs interrupted mid-batch").isEqualTo(1);

        TopicPartition partition = new TopicPartition(published.topic(), published.partition());
        await().atMost(PATIENCE).until(() -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("subscriptions-matcher")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return committed != null && committed.offset() > published.offset();
        });
        List<String> requestIds = readCommitted(Topics.NOTIFICATION_REQUESTS, StringDeserializer.class).stream()
                .filter(record -> record.value().contains(changeId))
                .map(record -> json.readTree(record.value()).get("requestId").stringValue())
                .toList();
        assertThat(requestIds).hasSize(municipalities).doesNotHaveDuplicates();
        assertThat(countAll(Topics.NOTIFICATION_REQUESTS, changeId))
                .as("records written, aborted ones included")
                .isGreaterThan(municipalities);
    }

    /** Every record of the topic carrying the text, committed, aborted or still open. */
    private @Nullable DistributionSummary fanOuts(String kind) {
        return metrics.find("herald.matcher.fanout").tag("kind", kind).summary();
    }

    private double deadLettered(String topic) {
        @Nullable
        Counter counter =
                metrics.find("herald.dead.letters").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private int countAll(String topic, String text) {
        try (KafkaConsumer<String, String> consumer = consumer(StringDeserializer.class, "read_uncommitted")) {
            List<TopicPartition> partitions = consumer(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int[] count = {0};
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value().contains(text)) {
                        count[0]++;
                    }
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
            return count[0];
        }
    }

    private static List<TopicPartition> consumer(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private JsonNode request(List<ConsumerRecord<String, String>> requests, UUID municipality) {
        return json.readTree(requests.stream()
                .filter(record -> record.key().equals(municipality.toString()))
                .findFirst()
                .orElseThrow()
                .value());
    }

    /** A change like the catalogue's, with fresh ids so that only this test's subscriptions match. */
    private ObjectNode change(String kind, List<String> themes, @Nullable UUID event, UUID session) {
        ObjectNode change = (ObjectNode)
                json.readTree(ContractSchemas.examples(Topics.SESSION_CHANGES).get("rescheduled.json"));
        change.put("changeId", UUID.randomUUID().toString());
        change.put("kind", kind);
        ObjectNode snapshot = (ObjectNode) change.get("session");
        snapshot.put("id", session.toString());
        if (event == null) {
            snapshot.putNull("eventId");
        } else {
            snapshot.put("eventId", event.toString());
        }
        snapshot.putArray("themes")
                .addAll(themes.stream().map(json.getNodeFactory()::stringNode).toList());
        return change;
    }

    private RecordMetadata publish(ObjectNode change) throws Exception {
        return publish(change.at("/session/id").stringValue(), json.writeValueAsBytes(change), headers(change));
    }

    private RecordMetadata publish(String key, byte[] value, RecordHeaders headers) throws Exception {
        return catalogue
                .send(new ProducerRecord<>(Topics.SESSION_CHANGES, null, key, value, headers))
                .get();
    }

    private static RecordHeaders headers(ObjectNode change) {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", change.get("changeId").stringValue().getBytes(UTF_8));
        headers.add(
                "ce_type",
                ("eu.herald.session." + change.get("kind").stringValue().toLowerCase() + ".v1").getBytes(UTF_8));
        headers.add("ce_source", "/herald/catalogue".getBytes(UTF_8));
        headers.add("ce_time", change.get("occurredAt").stringValue().getBytes(UTF_8));
        headers.add("ce_subject", change.at("/session/id").asString("").getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        return headers;
    }

    /**
     * Publishes the change and returns the requests committed for it: waits until the matcher has
     * committed its consumption (in the same transaction as the requests), then reads the request
     * topic to its end.
     */
    private List<ConsumerRecord<String, String>> requestsFor(ObjectNode change) throws Exception {
        RecordMetadata published = publish(change);
        TopicPartition partition = new TopicPartition(published.topic(), published.partition());
        await().atMost(PATIENCE).until(() -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("subscriptions-matcher")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return committed != null && committed.offset() > published.offset();
        });
        String changeId = change.get("changeId").stringValue();
        return readCommitted(Topics.NOTIFICATION_REQUESTS, StringDeserializer.class).stream()
                .filter(record -> json.readTree(record.value())
                        .at("/change/changeId")
                        .stringValue()
                        .equals(changeId))
                .toList();
    }

    /** Every committed record of the topic, read up to the last stable offset of each partition. */
    private <V> List<ConsumerRecord<String, V>> readCommitted(String topic, Class<? extends Deserializer<V>> values) {
        try (KafkaConsumer<String, V> consumer = consumer(values)) {
            Set<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
            return records;
        }
    }

    private <V> KafkaConsumer<String, V> consumer(Class<? extends Deserializer<V>> values) {
        return consumer(values, "read_committed");
    }

    private <V> KafkaConsumer<String, V> consumer(Class<? extends Deserializer<V>> values, String isolation) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolation,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                values));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), UTF_8);
    }
}
