package eu.herald.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) per test JVM, on a port chosen once, so that cached Spring contexts keep
 * pointing at it and a test can stop and restart it to see how the service copes with an unreachable server.
 * Tests share it: they look only at the messages they caused (by Message-ID or recipient).
 */
public final class TestSmtp {

    public static final String HOST = "127.0.0.1";

    private static GreenMail server;
    private static int port;

    private TestSmtp() {}

    public static synchronized int port() {
        server();
        return port;
    }

    public static synchronized List<MimeMessage> messages() {
        return Arrays.asList(server().getReceivedMessages());
    }

    public static List<MimeMessage> withMessageId(String messageId) {
        return messages().stream()
                .filter(message -> messageId.equals(header(message, "Message-ID")))
                .toList();
    }

    /** Messages delivered to any mailbox of this domain. */
    public static synchronized List<MimeMessage> forDomain(String domain) {
        return Arrays.asList(server().getReceivedMessagesForDomain(domain));
    }

    public static List<MimeMessage> to(String address) {
        return messages().stream()
                .filter(message -> header(message, "To").contains(address))
                .toList();
    }

    /** Runs the action while the server is down (connections refused), then starts it again on the same port. */
    public static synchronized void whileDown(Runnable action) {
        server().stop();
        try {
            action.run();
        } finally {
            server = start();
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, ",");
            return value == null ? "" : value;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of this content type (text/plain, text/html, text/calendar) of a multipart message, decoded. */
    public static String part(MimeMessage message, String contentType) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return message.isMimeType(contentType) ? text : "";
            }
            MimeMultipart parts = (MimeMultipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType(contentType)) {
                    Object value = part.getContent();
                    return value instanceof String text
                            ? text
                            : new String(((InputStream) value).readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            throw new AssertionError("no " + contentType + " part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    private static GreenMail server() {
        if (server == null) {
            port = freePort();
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(), "test-smtp-stop"));
        }
        return server;
    }

    private static GreenMail start() {
        GreenMail started = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        started.start();
        return started;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
