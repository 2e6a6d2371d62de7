package eu.herald.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.SeedRequests;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

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

        assertThat(stored.read(stored.write(rescheduled))).isEqualTo(rescheduled);
        assertThat(stored.read(stored.write(updated))).isEqualTo(updated);
    }

    @Test
    void writesTheChangeSharedByAFanOutsRequestsOnceAndReadsEachBackWhole() {
        NotificationRequest plock = SeedRequests.rescheduled(
                SeedRequests.newChange(), SeedRequests.plock(), SeedRequests.email("a@plock.example"));
        NotificationRequest fundao = new NotificationRequest(
                new RequestId(UUID.randomUUID()),
                plock.change(),
                SeedRequests.fundao(),
                List.of(SeedRequests.email("camara@fundao.example")));
        NotificationRequest other = SeedRequests.rescheduled(
                SeedRequests.newChange(), SeedRequests.plock(), SeedRequests.email("a@plock.example"));

        String first = stored.write(plock);
        String second = stored.write(fundao);
        String third = stored.write(other);

        assertThat(stored.read(first)).isEqualTo(plock);
        assertThat(stored.read(second)).isEqualTo(fundao);
        assertThat(stored.read(third)).isEqualTo(other);
        assertThat(second).contains(first.substring(first.indexOf("\"change\""), first.indexOf("\"recipient\"")));
        assertThat(third).contains(other.change().id().value().toString());
    }
}
