package eu.herald.benchmark.sink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** An SMTP server that takes every message, keeps nothing but its Message-ID and arrival time. */
public interface SmtpSink extends AutoCloseable {

    /** What the results call this sink, e.g. {@code postfix smtp-sink}. */
    String name();

    int port();

    Receipts receipts();

    /** The process of the sink when it runs apart from the harness, for its CPU and memory. */
    @Nullable
    ProcessHandle process();

    @Override
    void close();

    /** Goes down for a while: refuses connections and cuts the open ones, keeping its port and its receipts. */
    default void pause() {
        throw new UnsupportedOperationException(name() + " cannot be paused; the Java sink can");
    }

    /** Comes back on the same port. */
    default void resume() {
        throw new UnsupportedOperationException(name() + " cannot be paused; the Java sink can");
    }

    /**
     * Postfix's {@code smtp-sink} when it is installed (Debian package postfix): a C event loop that is
     * never the bottleneck; otherwise the harness's own Java sink.
     */
    static SmtpSink start(Path workDirectory, String preferred) {
        String choice = preferred.toLowerCase(Locale.ROOT);
        Path postfix = PostfixSmtpSink.executable();
        if (choice.equals("java") || (choice.equals("auto") && !Files.isExecutable(postfix))) {
            return JavaSmtpSink.start();
        }
        return PostfixSmtpSink.start(postfix, workDirectory);
    }

    /**
     * The id in a Message-ID value, {@code <id@domain>} → {@code id}: Herald's Message-ID is
     * {@code <deliveryId@herald>}.
     */
    static @Nullable String idOf(String messageId) {
        String value = messageId.trim();
        if (value.startsWith("<")) {
            value = value.substring(1);
        }
        int end = value.indexOf('@');
        if (end < 0) {
            end = value.indexOf('>');
        }
        String id = end < 0 ? value : value.substring(0, end);
        return id.isBlank() ? null : id;
    }
}
