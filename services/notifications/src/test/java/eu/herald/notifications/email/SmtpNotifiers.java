package eu.herald.notifications.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An email notifier on one connection to a test SMTP server on this machine, its clock stopped at {@code now}. */
final class SmtpNotifiers {

    private SmtpNotifiers() {}

    static EmailNotifier at(int port, EmailComposer composer, Instant now) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(properties);
        return new EmailNotifier(new SmtpConnections(sender, 1), composer, Clock.fixed(now, ZoneOffset.UTC));
    }
}
