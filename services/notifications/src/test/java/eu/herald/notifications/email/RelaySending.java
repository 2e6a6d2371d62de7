package eu.herald.notifications.email;

import static eu.herald.notifications.SeedRequests.newChange;
import static eu.herald.notifications.SeedRequests.plock;

import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One email sent to a relay by the email channel, with a sender that Spring Boot builds from {@code
 * spring.mail.*} exactly as in the service: the relay tests differ only in the relay and the settings.
 */
public final class RelaySending {

    static final String HOST = "127.0.0.1";

    private RelaySending() {}

    public static DeliveryResult sendThrough(Instant now, int port, Endpoint endpoint, String... properties) {
        NotificationRequest request = SeedRequests.published(newChange(), plock(), endpoint);
        DeliveryId delivery = DeliveryId.of(request.change().id(), endpoint.id());
        EmailComposer composer = new EmailComposer(EmailProperties.defaults());
        DeliveryResult[] result = new DeliveryResult[1];
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withPropertyValues("spring.mail.host=" + HOST, "spring.mail.port=" + port)
                .withPropertyValues("spring.mail.properties.mail.smtp.connectiontimeout=5000")
                .withPropertyValues("spring.mail.properties.mail.smtp.timeout=5000")
                .withPropertyValues(properties)
                .run(context -> {
                    SmtpConnections connections = new SmtpConnections(context.getBean(JavaMailSenderImpl.class), 1);
                    try {
                        result[0] = new EmailNotifier(connections, composer, Clock.fixed(now, ZoneOffset.UTC))
                                .send(delivery, request, endpoint);
                    } finally {
                        connections.destroy();
                    }
                });
        return result[0];
    }
}
