package eu.herald.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.egress.AddressGuard;
import eu.herald.egress.ReceiverResponse;
import eu.herald.egress.WebhookSender;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.testsupport.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class WebhookNotifierTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "200, SENT, false",
        "201, SENT, false",
        "204, SENT, false",
        "299, SENT, false",
        "301, FAILED, false",
        "302, FAILED, false",
        "307, FAILED, false",
        "308, FAILED, false",
        "400, FAILED, false",
        "401, FAILED, false",
        "404, FAILED, false",
        "410, FAILED, true",
        "413, FAILED, false",
        "429, RETRY, false",
        "500, RETRY, false",
        "502, RETRY, false",
        "503, RETRY, false",
        "504, RETRY, false"
    })
    void judgesEachAnswerAsStandardWebhooksDoes(int status, String expected, boolean gone) {
        DeliveryResult result = WebhookNotifier.outcome(new ReceiverResponse(status, null, Duration.ZERO), NOW);

        assertThat(result.responseStatus()).isEqualTo(status);
        switch (expected) {
            case "SENT" -> assertThat(result).isInstanceOf(Delivered.class);
            case "FAILED" ->
                assertThat(result)
                        .isInstanceOfSatisfying(
                                Rejected.class,
                                rejected -> assertThat(rejected.endpointGone()).isEqualTo(gone));
            default -> assertThat(result).isInstanceOf(Deferred.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"429, 120", "503, 3600", "502, 0"})
    void honoursRetryAfterInSeconds(int status, long seconds) {
        DeliveryResult result =
                WebhookNotifier.outcome(new ReceiverResponse(status, Long.toString(seconds), Duration.ZERO), NOW);

        assertThat(result)
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.retryAfter()).isEqualTo(NOW.plusSeconds(seconds)));
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        DeliveryResult result =
                WebhookNotifier.outcome(new ReceiverResponse(503, "Sun, 29 Nov 2026 13:00:00 GMT", Duration.ZERO), NOW);

        assertThat(result)
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.retryAfter()).isEqualTo(Instant.parse("2026-11-29T13:00:00Z")));
    }

    @Test
    void failsRatherThanSendUnsignedWithoutAMasterKey() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                WebhookSender sender = new WebhookSender(
                        AddressGuard.allowing(List.of("127.0.0.1/32")),
                        new WebhookSender.Settings(true, Duration.ofSeconds(15), 1, 1))) {
            WebhookProperties properties = new WebhookProperties(
                    null,
                    true,
                    List.of("127.0.0.1/32"),
                    List.of(Duration.ofSeconds(5)),
                    Duration.ofSeconds(15),
                    1,
                    1,
                    1,
                    null);
            WebhookNotifier notifier = new WebhookNotifier(
                    sender, null, new SessionChangeEvents(JsonMapper.builder().build()), properties, Clock.systemUTC());
            EndpointId endpointId = new EndpointId(UUID.randomUUID());
            Endpoint endpoint = new Endpoint(
                    endpointId,
                    Channel.WEBHOOK,
                    null,
                    null,
                    null,
                    new Endpoint.WebhookTarget(receiver.url("/hook"), 1, null));
            ChangeId change = new ChangeId(UUID.randomUUID());
            NotificationRequest request = SeedRequests.published(change, SeedRequests.plock(), endpoint);

            DeliveryResult result = notifier.send(DeliveryId.of(change, endpointId), request, endpoint);

            assertThat(result)
                    .isInstanceOfSatisfying(
                            Rejected.class,
                            rejected -> assertThat(rejected.reason()).contains("master-key is not set"));
            assertThat(receiver.received()).isEmpty();
        }
    }
}
