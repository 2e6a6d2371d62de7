package eu.herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.delivery.DeliveryAttempted;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.Dispatch;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.webpush.PushServiceDouble;
import eu.herald.testsupport.TestSmtp;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session moved in time and to another zone at once: 16:30–18:00 Warsaw time becomes 17:00–18:30 Lisbon time
 * (18:00–19:30 in Warsaw), on a summer day to come (web push alerts only about sessions not over yet). Its old
 * times are local to its old zone, so every channel tells a reader in Warsaw that it was at 16:30, never 17:30
 * (16:30 read as Lisbon time).
 */
class PreviousTimesIntegrationTests extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate DAY = LocalDate.of(Year.now().getValue() + 1, Month.JULY, 15);

    @Autowired
    Dispatch dispatch;

    @Test
    void tellsTheOldTimeInTheOldZoneInEveryChannelWhenTimeAndZoneChangeTogether() throws Exception {
        EveryChannel endpoints = everyChannel("/zones");
        ChangeId change = SeedRequests.newChange();
        NotificationRequest request = SeedRequests.request(
                change,
                ChangeKind.RESCHEDULED,
                SeedRequests.session(2, DAY.atTime(17, 0), DAY.atTime(18, 30), SeedRequests.LISBON, null, null),
                Map.of(
                        "start", DAY + "T16:30:00",
                        "end", DAY + "T18:00:00",
                        "zone", "Europe/Warsaw"),
                List.of("start", "end", "zone"),
                SeedRequests.plock(),
                endpoints.all());

        List<DeliveryAttempted> attempts = dispatch.dispatch(List.of(request));

        assertThat(attempts)
                .extracting(DeliveryAttempted::status)
                .containsOnly(DeliveryStatus.SENT)
                .hasSize(3);
        String text = TestSmtp.text(TestSmtp.to(endpoints.email().address()).get(0));
        assertThat(text.lines().filter(line -> line.startsWith("- Początek: ")))
                .singleElement()
                .asString()
                .contains("16:30 CEST → ")
                .endsWith("18:00 CEST");
        assertThat(text)
                .contains("- Strefa czasowa: Europe/Warsaw → Europe/Lisbon")
                .doesNotContain("17:30");

        JsonNode notification =
                PushServiceDouble.shared().received(endpoints.browser()).get(0).notification();
        assertThat(notification.get("body").asString())
                .contains("18:00–19:30 CEST")
                .doesNotContain("17:30");

        JsonNode data = JSON.readTree(webhooks.received("/zones").get(0).text()).get("data");
        assertThat(data.get("previousLocal").get("start").asString()).isEqualTo(DAY + "T16:30:00+02:00");
        assertThat(data.get("previousLocal").get("end").asString()).isEqualTo(DAY + "T18:00:00+02:00");
        assertThat(data.get("previousLocal").get("text").asString()).endsWith("16:30–18:00 CEST");
        assertThat(data.get("local").get("start").asString()).isEqualTo(DAY + "T18:00:00+02:00");
    }
}
