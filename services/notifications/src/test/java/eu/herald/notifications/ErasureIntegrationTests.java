package eu.herald.notifications;

import static eu.herald.notifications.TopicReader.header;
import static eu.herald.testsupport.WebhookReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.notifications.delivery.Delivery;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.Dispatch;
import eu.herald.notifications.erasure.Erasures;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.testsupport.TestSmtp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDPR erasures from {@code subscriptions.erasures.v1}, through the real topic into the real delivery log: afterwards
 * no row holds the erased addresses, name or URLs, the statistics (statuses) survive, a delivery that was retrying is
 * never sent, other municipalities and endpoints keep theirs, and the same erasure twice is harmless.
 */
class ErasureIntegrationTests extends IntegrationTestSupport {

    private static final String MUNICIPALITY_ERASED = "eu.herald.municipality.erased.v1";
    private static final String ENDPOINT_ERASED = "eu.herald.endpoint.erased.v1";

    @Autowired
    Dispatch dispatch;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void anonymisesAMunicipalityEverywhereKeepsItsStatisticsAndNeverSendsWhatWasRetrying() throws Exception {
        String marker = "erased-" + UUID.randomUUID().toString().substring(0, 8);
        Recipient erased =
                SeedRequests.recipient(UUID.randomUUID().toString(), "Gmina " + marker, "pl", SeedRequests.WARSAW);
        Recipient kept = SeedRequests.recipient(UUID.randomUUID().toString(), "Gmina kept", "pl", SeedRequests.WARSAW);
        Endpoint email = SeedRequests.email("powiadomienia@" + marker + ".example");
        String hookPath = "/" + marker;
        // the receiver is busy for a minute: the webhook waits on the retry schedule when the erasure comes
        webhooks.answer(hookPath, status(503, "Retry-After", "60"));
        Endpoint hook = SeedRequests.webhook(webhooks.url(hookPath));
        Endpoint othersEmail = SeedRequests.email("kept-" + UUID.randomUUID() + "@herald-tests.example");
        ChangeId change = SeedRequests.newChange();
        ChangeId earlier = SeedRequests.newChange();
        dispatch.dispatch(List.of(
                SeedRequests.published(earlier, erased, email),
                SeedRequests.rescheduled(change, erased, email, hook),
                SeedRequests.rescheduled(change, kept, othersEmail)));
        DeliveryId retrying = DeliveryId.of(change, hook.id());
        assertThat(deliveries.find(retrying).orElseThrow().status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(stored(marker)).isEqualTo(2);
        // the outcomes are published first: an erased reason must not be what the relay was about to send
        await().until(() -> unpublished(erased) == 0);

        produceErasure(
                erased.municipalityId().toString(),
                MUNICIPALITY_ERASED,
                erasure("MUNICIPALITY", erased.municipalityId().toString(), email.id(), hook.id()));

        await().untilAsserted(() -> assertThat(rowsMentioning(marker)).isZero());
        assertThat(stored(marker)).isZero();
        assertThat(statuses(erased)).isEqualTo(Map.of("SENT", 2L, "FAILED", 1L));
        assertThat(deliveries.find(retrying)).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(row.reason()).isEqualTo(Erasures.UNSENT);
            assertThat(row.address()).isNull();
            assertThat(row.attempts()).isEqualTo(1);
        });
        // its retry made due: still never attempted again
        jdbc.sql("update delivery set next_attempt_at = now() - interval '1 second' where delivery_id = :id")
                .param("id", retrying.value())
                .update();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(webhooks.received(hookPath)).hasSize(1));
        // another municipality keeps what it has
        assertThat(deliveries
                        .find(DeliveryId.of(change, othersEmail.id()))
                        .orElseThrow()
                        .address())
                .isEqualTo(othersEmail.address());
        mvc.perform(get(
                                "/api/deliveries/{id}",
                                DeliveryId.of(change, email.id()).value())
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").isEmpty())
                .andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.outcomes[0].status").value("SENT"));

        // a request the matcher emitted before the erasure, arriving after it: nothing recorded, nothing sent
        ChangeId late = SeedRequests.newChange();
        assertThat(dispatch.dispatch(List.of(SeedRequests.published(late, erased, email, hook))))
                .isEmpty();
        assertThat(deliveries.ofChange(late)).isEmpty();
        assertThat(rowsMentioning(marker)).isZero();
        assertThat(TestSmtp.to(email.address())).hasSize(2);

        // the same erasure again, then a marker behind it in the same partition: nothing changed in between
        String again = erasureIdOf(erased);
        produceErasure(
                erased.municipalityId().toString(),
                MUNICIPALITY_ERASED,
                erasure(again, "MUNICIPALITY", erased.municipalityId().toString(), email.id(), hook.id()));
        UUID behind = UUID.randomUUID();
        produceErasure(
                erased.municipalityId().toString(),
                ENDPOINT_ERASED,
                erasure(behind.toString(), "ENDPOINT", erased.municipalityId().toString(), email.id()));
        await().until(() -> applied(behind));
        assertThat(statuses(erased)).isEqualTo(Map.of("SENT", 2L, "FAILED", 1L));
        assertThat(deliveries.find(retrying).orElseThrow().reason()).isEqualTo(Erasures.UNSENT);
        assertThat(jdbc.sql("select count(*) from erasure where erasure_id = :id")
                        .param("id", UUID.fromString(again))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void erasesOneEndpointAndLeavesTheMunicipalitysOthers() throws Exception {
        TwoEmails two = twoEmails("endpoint");
        Recipient municipality = two.municipality();
        Endpoint erased = two.erased();
        Endpoint kept = two.kept();
        ChangeId change = two.request().change().id();
        dispatch.dispatch(List.of(two.request()));

        eraseAndAwait(municipality, erased);

        assertThat(deliveries
                        .find(DeliveryId.of(change, kept.id()))
                        .orElseThrow()
                        .address())
                .isEqualTo(kept.address());
        assertThat(storedPayload(change))
                .contains(kept.address())
                .contains("Gmina " + two.marker())
                .doesNotContain(erased.address());
        assertThat(statuses(municipality)).isEqualTo(Map.of("SENT", 2L));

        // a later request still naming the erased endpoint reaches only the other one
        ChangeId late = SeedRequests.newChange();
        dispatch.dispatch(List.of(SeedRequests.published(late, municipality, erased, kept)));
        assertThat(deliveries.ofChange(late)).extracting(Delivery::endpointId).containsExactly(kept.id());
        assertThat(rowsMentioning(erased.address())).isZero();
    }

    @Test
    void rewritesARequestStoredWithItsChangeWithoutTheErasedEndpointAndKeepsTheChange() throws Exception {
        TwoEmails two = twoEmails("whole");
        NotificationRequest request = two.request();
        ChangeId change = request.change().id();
        dispatch.dispatch(List.of(request));
        // as requests were stored before V5: whole, with no row of their change
        jdbc.sql("update notification_request set payload = cast(:payload as jsonb) where change_id = :change")
                .param("payload", JsonMapper.builder().build().writeValueAsString(request))
                .param("change", change.value())
                .update();
        jdbc.sql("delete from notification_change where change_id = :change")
                .param("change", change.value())
                .update();

        eraseAndAwait(two.municipality(), two.erased());

        assertThat(storedPayload(change))
                .contains(two.kept().address())
                .doesNotContain(change.value().toString());
        // the change the payload no longer holds has its own row again, so a retry can still read the request
        assertThat(jdbc.sql("select payload::text from notification_change where change_id = :change")
                        .param("change", change.value())
                        .query(String.class)
                        .single())
                .contains(change.value().toString());
    }

    @Test
    void sendsUnreadableErasuresToTheDeadLettersAndKeepsGoing() throws Exception {
        String municipality = UUID.randomUUID().toString();
        String contradicting = erasure("MUNICIPALITY", municipality, new EndpointId(UUID.randomUUID()));
        produceErasure(municipality, ENDPOINT_ERASED, contradicting);
        produceErasure(municipality, MUNICIPALITY_ERASED, "{\"scope\": \"MUNICIPALITY\"}");
        UUID next = UUID.randomUUID();
        produceErasure(
                municipality,
                MUNICIPALITY_ERASED,
                erasure(next.toString(), "MUNICIPALITY", municipality, new EndpointId(UUID.randomUUID())));

        try (TopicReader deadLetters = read(ERASURES_DLT)) {
            List<ConsumerRecord<String, byte[]>> dead =
                    deadLetters.await(record -> municipality.equals(record.key()), 2);
            assertThat(dead)
                    .extracting(record -> header(record, "kafka_dlt-exception-message"))
                    .anySatisfy(reason -> assertThat(reason).contains("does not match the scope"))
                    .anySatisfy(reason -> assertThat(reason).contains("erasureId is missing"));
            assertThat(dead).extracting(TopicReader::value).contains(contradicting);
        }
        await().until(() -> applied(next));
    }

    private static String erasure(String scope, String municipality, EndpointId... endpoints) {
        return erasure(UUID.randomUUID().toString(), scope, municipality, endpoints);
    }

    private static String erasure(String id, String scope, String municipality, EndpointId... endpoints) {
        String json = """
                {"erasureId": "%s", "scope": "%s", "municipalityId": "%s", "endpointIds": [%s],
                 "erasedAt": "2026-11-29T12:00:00Z"}
                """.formatted(
                        id,
                        scope,
                        municipality,
                        java.util.Arrays.stream(endpoints)
                                .map(endpoint -> "\"" + endpoint + "\"")
                                .collect(Collectors.joining(", ")));
        eu.herald.testsupport.ContractSchemas.assertConforms(ERASURES, json);
        return json;
    }

    private String erasureIdOf(Recipient municipality) {
        return jdbc.sql("select erasure_id::text from erasure where municipality_id = :id")
                .param("id", municipality.municipalityId().value())
                .query(String.class)
                .single();
    }

    private boolean applied(UUID erasure) {
        return jdbc.sql("select count(*) from erasure where erasure_id = :id")
                        .param("id", erasure)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** Rows of the delivery log, its outcomes and its stored requests in which the text appears anywhere. */
    private long rowsMentioning(String text) {
        String like = "%" + text + "%";
        return jdbc.sql("""
                        select (select count(*) from delivery d where d::text like :like)
                             + (select count(*) from delivery_outcome o where o::text like :like)
                             + (select count(*) from notification_request r where r::text like :like)
                        """).param("like", like).query(Long.class).single();
    }

    private long stored(String text) {
        return jdbc.sql("select count(*) from notification_request where payload::text like :like")
                .param("like", "%" + text + "%")
                .query(Long.class)
                .single();
    }

    private long unpublished(Recipient municipality) {
        return jdbc.sql("""
                        select count(*) from delivery_outcome o join delivery d on d.delivery_id = o.delivery_id
                         where d.municipality_id = :id and o.published_at is null
                        """)
                .param("id", municipality.municipalityId().value())
                .query(Long.class)
                .single();
    }

    private Map<String, Long> statuses(Recipient municipality) {
        return jdbc
                .sql("select status, count(*) as n from delivery where municipality_id = :id group by status")
                .param("id", municipality.municipalityId().value())
                .query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A municipality with two email endpoints, one to erase and one to keep, and a request naming both. */
    private record TwoEmails(
            String marker, Recipient municipality, Endpoint erased, Endpoint kept, NotificationRequest request) {}

    private static TwoEmails twoEmails(String prefix) {
        String marker = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Recipient municipality =
                SeedRequests.recipient(UUID.randomUUID().toString(), "Gmina " + marker, "pl", SeedRequests.WARSAW);
        Endpoint erased = SeedRequests.email("erased-" + marker + "@herald-tests.example");
        Endpoint kept = SeedRequests.email("kept-" + marker + "@herald-tests.example");
        return new TwoEmails(
                marker,
                municipality,
                erased,
                kept,
                SeedRequests.rescheduled(SeedRequests.newChange(), municipality, erased, kept));
    }

    private void eraseAndAwait(Recipient municipality, Endpoint endpoint) throws Exception {
        produceErasure(
                municipality.municipalityId().toString(),
                ENDPOINT_ERASED,
                erasure("ENDPOINT", municipality.municipalityId().toString(), endpoint.id()));
        await().untilAsserted(
                        () -> assertThat(rowsMentioning(endpoint.address())).isZero());
    }

    private String storedPayload(ChangeId change) {
        return jdbc.sql("select payload::text from notification_request where change_id = :change")
                .param("change", change.value())
                .query(String.class)
                .single();
    }
}
