package eu.herald.notifications.email;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    @Bean
    SmtpConnections smtpConnections(JavaMailSenderImpl server, EmailProperties properties) {
        return new SmtpConnections(server, properties.connections());
    }

    @Bean
    EmailNotifier emailNotifier(SmtpConnections smtp, EmailComposer composer, Clock clock) {
        return new EmailNotifier(smtp, composer, clock);
    }
}
