package eu.herald.benchmark.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Postfix's {@code smtp-sink}, which answers SMTP from a single C event loop and throws the mail
 * away. With {@code -D} it appends each complete message, at the final dot and before its {@code 250},
 * to one dump file, every message whole (one process, one append at a time) and preceded by a marker
 * ({@code -S}). A reader in the harness follows that file on a RAM disk and records each Message-ID when
 * its headers appear: the arrival time is at most one poll (about 1 ms) late.
 */
final class PostfixSmtpSink implements SmtpSink {

    private static final String MARKER = "@@herald-sink-message@@";
    private static final byte[] MARKER_LINE = (MARKER + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Process process;
    private final int port;
    private final Path dumpFile;
    private final Receipts receipts = new Receipts();
    private final Thread reader;
    private volatile boolean closed;

    private PostfixSmtpSink(Process process, int port, Path dumpFile) {
        this.process = process;
        this.port = port;
        this.dumpFile = dumpFile;
        this.reader = new Thread(this::follow, "smtp-sink-dump-reader");
        reader.setDaemon(true);
    }

    static Path executable() {
        return Path.of("/usr/sbin/smtp-sink");
    }

    static PostfixSmtpSink start(Path executable, Path workDirectory) {
        try {
            // a RAM disk when there is one: the dump must not make the sink wait for a disk
            Path shm = Path.of("/dev/shm");
            Path directory = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "herald-smtp-sink-")
                    : Files.createDirectories(workDirectory.resolve("smtp-sink"));
            // smtp-sink drops root privileges (-u nobody) before it writes the dump
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path dumpFile = directory.resolve("messages");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(executable.toString(), "-4"));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody"));
            }
            command.addAll(
                    List.of("-m", "256", "-S", MARKER + "\\n", "-D", dumpFile.toString(), "127.0.0.1:" + port, "256"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDirectory.resolve("smtp-sink.log").toFile())
                    .start();
            PostfixSmtpSink sink = new PostfixSmtpSink(process, port, dumpFile);
            sink.awaitListening();
            sink.reader.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
    }

    @Override
    public String name() {
        return "postfix smtp-sink";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Receipts receipts() {
        return receipts;
    }

    @Override
    public @Nullable ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public void close() {
        closed = true;
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(10));
            Files.deleteIfExists(dumpFile);
            Files.deleteIfExists(dumpFile.getParent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a leftover in /dev/shm is removed with the next reboot
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("smtp-sink did not start (exit "
                            + (process.isAlive() ? "none" : process.exitValue()) + ")");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    /** Follows the dump file until the sink is closed and everything written has been read. */
    private void follow() {
        DumpParser parser = new DumpParser(receipts);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        FileChannel channel = null;
        try {
            while (true) {
                if (channel == null && Files.exists(dumpFile)) {
                    channel = FileChannel.open(dumpFile, StandardOpenOption.READ);
                }
                int read = channel == null ? -1 : channel.read(buffer.clear());
                if (read > 0) {
                    parser.accept(buffer.array(), read);
                } else if (closed && !process.isAlive()) {
                    return;
                } else {
                    LockSupport.parkNanos(POLL_NANOS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dumpFile, e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // read-only
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Splits the dump into messages at the marker lines and reads each one's headers, skipping smtp-sink's own
     * records ({@code X-…}, then the three-line {@code Received} that ends them). A message's size is what came
     * over the wire: its lines with CRLF, without the marker, those records or the empty line the dump appends
     * (the last message's is counted, two bytes too many).
     */
    static final class DumpParser {

        /** Where in a message's dump the next byte is. */
        private enum Part {
            BEFORE_FIRST_MARKER,
            SINK_RECORDS,
            HEADERS,
            BODY
        }

        private final Receipts receipts;
        private final StringBuilder line = new StringBuilder(256);
        private Part part = Part.BEFORE_FIRST_MARKER;
        private int receivedLinesLeft = -1;
        private @Nullable String id;
        private int markerMatched;

        DumpParser(Receipts receipts) {
            this.receipts = receipts;
        }

        void accept(byte[] bytes, int length) {
            long body = 0;
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (part == Part.BEFORE_FIRST_MARKER || part == Part.BODY) {
                    if (part == Part.BODY) {
                        // a body line's LF was a CRLF on the wire
                        body += b == '\n' ? 2 : 1;
                    }
                    // outside the headers only the next marker line matters
                    markerMatched = b == MARKER_LINE[markerMatched] ? markerMatched + 1 : (b == MARKER_LINE[0] ? 1 : 0);
                    if (markerMatched == MARKER_LINE.length) {
                        if (part == Part.BODY) {
                            // the marker line and the empty line before it are the dump's, not the message's
                            body -= MARKER_LINE.length + 1 + 2;
                        }
                        markerMatched = 0;
                        part = Part.SINK_RECORDS;
                        receivedLinesLeft = -1;
                        id = null;
                        line.setLength(0);
                    }
                } else if (b == '\n') {
                    endOfLine();
                } else {
                    line.append((char) (b & 0xff));
                }
            }
            receipts.bytes(body);
        }

        private void endOfLine() {
            if (part == Part.SINK_RECORDS) {
                if (receivedLinesLeft < 0 && line.toString().startsWith("Received:")) {
                    receivedLinesLeft = 3;
                }
                if (receivedLinesLeft > 0 && --receivedLinesLeft == 0) {
                    part = Part.HEADERS;
                }
            } else {
                receipts.bytes(line.length() + 2L);
                if (line.length() == 0) {
                    part = Part.BODY;
                    if (id == null) {
                        receipts.refused();
                    } else {
                        receipts.received(id);
                    }
                } else if (line.length() > 11 && line.substring(0, 11).equalsIgnoreCase("Message-ID:")) {
                    id = SmtpSink.idOf(line.substring(11));
                }
            }
            line.setLength(0);
        }
    }
}
