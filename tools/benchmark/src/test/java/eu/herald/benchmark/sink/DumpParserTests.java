package eu.herald.benchmark.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DumpParserTests {

    private static final String FIRST_WIRE = "Message-ID: <first@herald>\r\nSubject: one\r\n\r\nbody line\r\n";
    private static final String SECOND_WIRE = "Message-ID: <second@herald>\r\n\r\nlonger body line\r\nand one more\r\n";

    @Test
    void countsTheMessagesAsSentWithoutTheSinksMarkersAndRecords() {
        Receipts receipts = new Receipts();
        PostfixSmtpSink.DumpParser parser = new PostfixSmtpSink.DumpParser(receipts);

        byte[] dump = (dumped(FIRST_WIRE) + dumped(SECOND_WIRE)).getBytes(StandardCharsets.US_ASCII);
        // in pieces, as the file grows under the reader
        parser.accept(dump, 50);
        parser.accept(Arrays.copyOfRange(dump, 50, dump.length), dump.length - 50);

        assertThat(receipts.from(0)).extracting(Receipts.Receipt::id).containsExactly("first", "second");
        // the last message's trailing empty line is the dump's too, but nothing follows to tell so
        assertThat(receipts.averageBytes()).isEqualTo((FIRST_WIRE.length() + SECOND_WIRE.length() + 2) / 2);
    }

    /** How smtp-sink -D writes a message: the marker, its records, the message with LF lines, an empty line. */
    private static String dumped(String wire) {
        return "@@herald-sink-message@@\n"
                + "X-Client-Addr: 127.0.0.1\n"
                + "X-Client-Proto: ESMTP\n"
                + "X-Helo-Args: localhost\n"
                + "X-Mail-Args: FROM:<herald@example.org>\n"
                + "X-Rcpt-Args: TO:<gmina1@example.org>\n"
                + "Received: from localhost ([127.0.0.1])\n"
                + "\tby smtp-sink (smtp-sink) with ESMTP id 5f3a;\n"
                + "\tMon, 7 Dec 2026 00:40:00 +0000 (UTC)\n"
                + wire.replace("\r\n", "\n")
                + "\n";
    }
}
