package eu.herald.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StoredRequestsTests {

    private final StoredRequests stored = new StoredRequests();

    @Test
    void readsBackTheRequestItStored() {
        Endpoint endpoint = new Endpoint(
                new EndpointId(UUID.randomUUID()), Channel.EMAIL, "a@plock.example", "https://h.example/u/1");
        NotificationRequest rescheduled = SeedRequests.rescheduled(
                SeedRequests.newChange(), SeedRequests.plock(), endpoint, SeedRequests.email("b@plock.example"));
        Recipient quiet = new Recipient(
                SeedRequests.fundao().municipalityId(),
                "Município do Fundão",
                SeedRequests.fundao().language(),
                SeedRequests.LISBON,
                new Recipient.Preferences(
                        Recipient.DeliveryMode.DAILY_DIGEST,
                        new Recipient.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))));
        NotificationRequest updated = SeedRequests.request(
                SeedRequests.newChange(),
                ChangeKind.UPDATED,
                SeedRequests.session(
                        3,
                        rescheduled.change().session().start(),
                        rescheduled.change().session().end(),
                        null),
                Map.of("title", Map.of("en", "Old"), "themes", List.of("a", "b")),
                List.of("title", "themes"),
                quiet,
                endpoint);

        assertThat(readBack(rescheduled)).isEqualTo(rescheduled);
        assertThat(readBack(updated)).isEqualTo(updated);
    }

    @Test
    void storesARequestWithoutItsChange() {
        NotificationRequest request = SeedRequests.rescheduled(
                SeedRequests.newChange(), SeedRequests.plock(), SeedRequests.email("a@plock.example"));

        String payload = stored.write(request);

        assertThat(payload)
                .contains(request.id().value().toString(), "a@plock.example")
                .doesNotContain(request.change().id().value().toString(), "\"change\"");
        assertThat(stored.writeChange(request.change()))
                .contains(request.change().id().value().toString());
    }

    @Test
    void readsARequestStoredWithItsChangeAsItWas() {
        NotificationRequest request = SeedRequests.rescheduled(
                SeedRequests.newChange(), SeedRequests.plock(), SeedRequests.email("a@plock.example"));
        // as requests were stored before their changes were stored apart (V5)
        String whole = JsonMapper.builder().build().writeValueAsString(request);

        assertThat(stored.read(whole, null)).isEqualTo(request);
        assertThat(stored.read(whole, stored.writeChange(request.change()))).isEqualTo(request);
    }

    private NotificationRequest readBack(NotificationRequest request) {
        return stored.read(stored.write(request), stored.writeChange(request.change()));
    }
}
