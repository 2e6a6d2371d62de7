package eu.herald.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A fixed number of SMTP connections, each opened on first use and kept open across messages (a connection per
 * message would cost a TCP and TLS handshake and an AUTH each time). A sender borrows one, so at most that many
 * messages are sent at once. The server's settings (host, port, credentials, STARTTLS and timeouts in
 * {@code spring.mail.*}) come from Spring Boot's {@link JavaMailSenderImpl}.
 */
class SmtpConnections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    /**
     * A connection that sent within this time is used without asking the server first: a NOOP per message would be
     * one round trip in five, and servers keep idle sessions for minutes (RFC 5321 §4.5.3.2.7: at least five; Postfix
     * under stress: ten seconds).
     */
    private static final long IN_USE = TimeUnit.SECONDS.toNanos(5);

    private final JavaMailSenderImpl server;
    private final BlockingQueue<Connection> idle;
    private final int connections;

    SmtpConnections(JavaMailSenderImpl server, int connections) {
        this.server = server;
        this.connections = connections;
        this.idle = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            idle.add(new Connection());
        }
    }

    int size() {
        return connections;
    }

    Session session() {
        return server.getSession();
    }

    /** Sends on a pooled connection, (re)connecting it when needed; a connection that failed is closed. */
    void send(MimeMessage message) throws MessagingException, InterruptedException {
        Connection connection = idle.take();
        try {
            connection.send(message);
        } finally {
            idle.add(connection);
        }
    }

    @Override
    public void destroy() {
        idle.forEach(Connection::close);
    }

    private final class Connection {

        private @Nullable Transport transport;
        private long lastUsed;

        void send(MimeMessage message) throws MessagingException {
            try {
                Transport open = open();
                open.sendMessage(message, message.getAllRecipients());
                lastUsed = System.nanoTime();
            } catch (MessagingException | RuntimeException e) {
                // the server may have given up on the session; a fresh one costs little next to a wrong state
                close();
                throw e;
            }
        }

        private Transport open() throws MessagingException {
            if (transport != null && System.nanoTime() - lastUsed < IN_USE) {
                return transport;
            }
            // isConnected() asks the server (NOOP), which also notices a connection it dropped while idle
            if (transport != null && transport.isConnected()) {
                return transport;
            }
            close();
            String protocol = server.getProtocol();
            Transport fresh = session().getTransport(protocol == null ? "smtp" : protocol);
            fresh.connect(server.getHost(), server.getPort(), server.getUsername(), server.getPassword());
            transport = fresh;
            return fresh;
        }

        void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("closing an SMTP connection failed", e);
                }
                transport = null;
            }
        }
    }
}
