package eu.herald.notifications.email;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes an {@link EmailMessage} as the bytes of an RFC 5322 message: multipart/alternative with the text, the HTML
 * and the iCalendar part when it has one, each UTF-8 in quoted-printable (RFC 2045 §6.7), which carries long lines and any
 * character through any relay.
 *
 * <p>Jakarta Mail's object model did the same at about twice the CPU of everything else in sending an email: every
 * part it constructs looks its stream provider up with a {@link java.util.ServiceLoader}, and its encoders write a
 * byte at a time through several stream layers (ADR 10). The message is the same: the tests read it back with
 * Jakarta Mail's parser.
 *
 * <p>The boundary starts with {@code =_}, which quoted-printable never produces (it writes {@code =} as {@code
 * =3D}), so no content can contain it; it is derived from the Message-ID, so a repeated send writes the same bytes.
 */
final class MimeWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Quoted-printable lines are at most 76 characters, the soft break's {@code =} included. */
    private static final int MAX_LINE = 76;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A change's subject is the same for every recipient with its language: encoded once. */
    private final Cache<String, String> subjects =
            Caffeine.newBuilder().maximumSize(1_000).build();

    byte[] write(EmailMessage email, Instant date) {
        String boundary = boundary(email.messageId());
        Output out = new Output(8_192);
        out.header("Date", DATE.format(date));
        out.header("From", email.from().toString());
        out.header("To", email.to().toString());
        out.header("Message-ID", email.messageId());
        out.header("Subject", subjects.get(email.subject(), MimeWriter::encodedSubject));
        out.header("MIME-Version", "1.0");
        // folded, as the boundary makes the line long
        out.header("Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
        // RFC 8058 one-click unsubscribe (the URL is signed by subscriptions), and a mailto for other clients
        out.header("List-Unsubscribe", email.listUnsubscribeHeader());
        if (email.oneClick()) {
            out.header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        out.line("");
        out.part(boundary, "text/plain; charset=UTF-8", email.text());
        out.part(boundary, "text/html; charset=UTF-8", email.html());
        EmailMessage.CalendarPart calendar = email.calendar();
        if (calendar != null) {
            out.part(boundary, "text/calendar; charset=UTF-8; method=" + calendar.method(), calendar.content());
        }
        out.line("--" + boundary + "--");
        return out.toByteArray();
    }

    private static String boundary(String messageId) {
        StringBuilder boundary = new StringBuilder(messageId.length() + 2).append("=_");
        for (int i = 0; i < messageId.length(); i++) {
            char c = messageId.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                boundary.append(c);
            }
        }
        // RFC 2046 allows 70 characters; the delivery's id comes first, so what is cut is the domain's tail
        return boundary.length() > 70 ? boundary.substring(0, 70) : boundary.toString();
    }

    /** RFC 2047 encoded words where the subject is not ASCII, folded as Jakarta Mail's {@code setSubject} does. */
    private static String encodedSubject(String subject) {
        try {
            return MimeUtility.fold("Subject: ".length(), MimeUtility.encodeText(subject, "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** A growing byte array: unlike {@code ByteArrayOutputStream}, no lock taken per byte. */
    private static final class Output {

        private byte[] bytes;
        private int size;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        private void writeBytes(byte[] more) {
            if (size + more.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + more.length));
            }
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        /** The values were checked when the message was made: none has a line break it did not fold itself. */
        void header(String name, String value) {
            line(name + ": " + value);
        }

        void line(String line) {
            writeBytes(line.getBytes(StandardCharsets.UTF_8));
            crlf();
        }

        void part(String boundary, String contentType, String content) {
            line("--" + boundary);
            header("Content-Type", contentType);
            header("Content-Transfer-Encoding", "quoted-printable");
            line("");
            quotedPrintable(content.getBytes(StandardCharsets.UTF_8));
            crlf();
        }

        /**
         * Line breaks (CRLF, LF or CR alone) become CRLF; printable ASCII stays as it is, but for {@code =}; a space
         * or tab before a line break or at the end is encoded, since relays may strip it; every other byte is
         * {@code =XX}; longer lines get soft breaks.
         */
        private void quotedPrintable(byte[] text) {
            int column = 0;
            for (int i = 0; i < text.length; i++) {
                int b = text[i] & 0xFF;
                if (b == '\r' || b == '\n') {
                    if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                        i++;
                    }
                    crlf();
                    column = 0;
                    continue;
                }
                boolean lineEnds = i + 1 == text.length || text[i + 1] == '\r' || text[i + 1] == '\n';
                boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
                int width = literal ? 1 : 3;
                // room for the encoded character and, unless the line ends with it, a soft break after it
                if (column + width > (lineEnds ? MAX_LINE : MAX_LINE - 1)) {
                    write('=');
                    crlf();
                    column = 0;
                }
                if (literal) {
                    write(b);
                } else {
                    write('=');
                    write(HEX[b >> 4]);
                    write(HEX[b & 0x0F]);
                }
                column += width;
            }
        }

        private void crlf() {
            write('\r');
            write('\n');
        }
    }
}
