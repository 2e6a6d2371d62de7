package eu.herald.notifications.email;

import static eu.herald.notifications.SeedRequests.email;
import static eu.herald.notifications.SeedRequests.newChange;
import static eu.herald.notifications.SeedRequests.plock;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email notifier against a real SMTP server (GreenMail), without Spring. */
class EmailNotifierIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant NOW = Instant.parse("2022-10-05T09:12:45Z");
    private final EmailComposer composer = new EmailComposer(EmailProperties.defaults());

    @Test
    void sendsTheEmailWithTheDeliveryIdAsMessageIdAndOneClickUnsubscribe() throws Exception {
        Endpoint endpoint = new Endpoint(
                email("x@y.example").id(),
                eu.herald.notifications.request.Channel.EMAIL,
                "powiadomienia@plock.example",
                "http://localhost:8082/unsubscribe/token");
        NotificationRequest request = SeedRequests.rescheduled(newChange(), plock(), endpoint);
        DeliveryId delivery = DeliveryId.of(request.change().id(), endpoint.id());

        DeliveryResult result = notifier(smtp.getSmtp().getPort()).send(delivery, request, endpoint);

        assertThat(result).isEqualTo(new Delivered(NOW));
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<" + delivery.value() + "@herald>");
        assertThat(received.getSubject()).isEqualTo("Zmiana terminu: " + SeedRequests.TITLE_PL);
        assertThat(received.getHeader("List-Unsubscribe", null))
                .isEqualTo("<http://localhost:8082/unsubscribe/token>, <mailto:unsubscribe@herald.local?subject="
                        + "unsubscribe%20" + endpoint.id() + ">");
        assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void sendsTheSameMessageIdWhenItSendsTheDeliveryAgain() throws Exception {
        Endpoint endpoint = email("powiadomienia@plock.example");
        NotificationRequest request = SeedRequests.published(newChange(), plock(), endpoint);
        DeliveryId delivery = DeliveryId.of(request.change().id(), endpoint.id());
        EmailNotifier notifier = notifier(smtp.getSmtp().getPort());

        notifier.send(delivery, request, endpoint);
        notifier.send(delivery, request, endpoint);

        assertThat(smtp.getReceivedMessages())
                .hasSize(2)
                .allSatisfy(
                        message -> assertThat(message.getMessageID()).isEqualTo("<" + delivery.value() + "@herald>"));
    }

    @Test
    void defersTheDeliveryWhenTheServerRefusesConnections() throws IOException {
        Endpoint endpoint = email("powiadomienia@plock.example");
        NotificationRequest request = SeedRequests.published(newChange(), plock(), endpoint);

        DeliveryResult result =
                notifier(closedPort()).send(DeliveryId.of(request.change().id(), endpoint.id()), request, endpoint);

        assertThat(result).isInstanceOf(Deferred.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void rejectsAnAddressWithAnInjectedHeaderWithoutSendingAnything() {
        Endpoint endpoint = email("powiadomienia@plock.example\nBcc: mayor@victims.example");
        NotificationRequest request = SeedRequests.published(newChange(), plock(), endpoint);

        DeliveryResult result = notifier(smtp.getSmtp().getPort())
                .send(DeliveryId.of(request.change().id(), endpoint.id()), request, endpoint);

        assertThat(result)
                .isInstanceOfSatisfying(
                        Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("line break"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private EmailNotifier notifier(int port) {
        return SmtpNotifiers.at(port, composer, NOW);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
