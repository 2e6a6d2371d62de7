package eu.herald.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.email.EmailMessage.CalendarPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link MimeWriter} writes, read back by Jakarta Mail's parser, as a mail client would. */
class MimeWriterTests {

    private static final Instant SENT = Instant.parse("2022-10-04T09:15:00Z");

    private final MimeWriter writer = new MimeWriter();

    @Test
    void writesTheHeadersAndThreeAlternativesThatAParserReadsBack() throws Exception {
        EmailMessage email = email(
                "Zmiana terminu: Sieciowanie miast i gmin — żółć",
                "Dzień dobry,\n\nTermin: 11 października 2022, 17:00–18:30\n",
                "<p>Dzień dobry, <b>Płock</b></p>\n",
                "BEGIN:VCALENDAR\r\nSUMMARY:Sieciowanie miast i gmin\r\nEND:VCALENDAR\r\n");

        MimeMessage parsed = parse(writer.write(email, SENT));

        assertThat(parsed.getSubject()).isEqualTo(email.subject());
        assertThat(parsed.getMessageID()).isEqualTo(email.messageId());
        assertThat(parsed.getFrom()).containsExactly(email.from());
        assertThat(parsed.getAllRecipients()).containsExactly(email.to());
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(SENT);
        assertThat(parsed.getHeader("MIME-Version", null)).isEqualTo("1.0");
        assertThat(parsed.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://herald.example/u/abc>, <mailto:unsubscribe@herald.example>");
        assertThat(parsed.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(parsed.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(2).getContentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(crlf(email.text()));
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(crlf(email.html()));
        assertThat(new String(parts.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(email.calendar().content());
    }

    @Test
    void writesTheSameBytesForTheSameDeliveryAndLeavesOutTheOneClickHeaderWithoutItsUrl() {
        EmailMessage email = email("Rescheduled", "text\n", "<p>html</p>\n", "BEGIN:VCALENDAR\r\n");
        EmailMessage withoutUrl = new EmailMessage(
                email.messageId(),
                email.from(),
                email.to(),
                email.subject(),
                email.text(),
                email.html(),
                email.calendar(),
                List.of("mailto:unsubscribe@herald.example"),
                false);

        assertThat(writer.write(email, SENT)).isEqualTo(writer.write(email, SENT));
        assertThat(new String(writer.write(withoutUrl, SENT), StandardCharsets.US_ASCII))
                .doesNotContain("List-Unsubscribe-Post")
                .contains("List-Unsubscribe: <mailto:unsubscribe@herald.example>\r\n");
    }

    static Stream<String> awkwardTexts() {
        Random random = new Random(20221011);
        StringBuilder noise = new StringBuilder();
        String alphabet = "aż ó=\t.\r\nĘ€😀-_<>&\"";
        for (int i = 0; i < 5_000; i++) {
            noise.appendCodePoint(alphabet.codePointAt(
                    alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return Stream.of(
                "",
                "x".repeat(75),
                "x".repeat(76),
                "x".repeat(77),
                "x".repeat(300) + "\n" + "y".repeat(152),
                "x".repeat(74) + "=" + "x".repeat(10),
                "x".repeat(73) + "ż" + "x".repeat(10),
                "trailing space \nand tab\t\r\nand at the end ",
                " ".repeat(200),
                "=".repeat(100),
                ".\n.. a line with a dot\n.",
                "--=_not a boundary\n=_ either",
                "lone\rcarriage returns\r",
                noise.toString());
    }

    @ParameterizedTest
    @MethodSource("awkwardTexts")
    void carriesAnyTextExactlyInShortAsciiLines(String text) throws Exception {
        byte[] written = writer.write(email("Subject", text, text, text), SENT);

        Multipart parts = (Multipart) parse(written).getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(crlf(text));
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(crlf(text));
        String message = new String(written, StandardCharsets.ISO_8859_1);
        assertThat(message.chars()).allMatch(c -> c < 128);
        String body = message.substring(message.indexOf("\r\n\r\n") + 4);
        assertThat(body.split("\r\n", -1))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(message.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        assertThat(Arrays.stream(body.split("\r\n", -1))).noneMatch(line -> line.endsWith(" ") || line.endsWith("\t"));
    }

    private static EmailMessage email(String subject, String text, String html, String calendar) {
        try {
            return new EmailMessage(
                    "<6f1c1f3e-3c39-4c1e-9d0c-5d2b8c1e9a77@herald.example>",
                    new InternetAddress("noreply@herald.example", "Herald — powiadomienia", "UTF-8"),
                    new InternetAddress("powiadomienia@plock.example"),
                    subject,
                    text,
                    html,
                    new CalendarPart("REQUEST", calendar),
                    List.of("https://herald.example/u/abc", "mailto:unsubscribe@herald.example"),
                    true);
        } catch (java.io.UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Line breaks as a parser gives them back: CRLF, whatever the text had. */
    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n");
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }
}
