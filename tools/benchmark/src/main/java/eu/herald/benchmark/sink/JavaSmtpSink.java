package eu.herald.benchmark.sink;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The fallback SMTP sink when Postfix is not installed: just enough SMTP for Jakarta Mail (no
 * pipelining, no TLS), a thread per connection, the Message-ID read from the headers and the
 * arrival recorded when the final dot is read, before the {@code 250} that acknowledges it.
 */
final class JavaSmtpSink implements SmtpSink {

    private final Receipts receipts = new Receipts();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket server;
    private volatile boolean closed;

    private JavaSmtpSink(ServerSocket server) {
        this.server = server;
        this.port = server.getLocalPort();
    }

    static JavaSmtpSink start() {
        JavaSmtpSink sink = new JavaSmtpSink(listen(0));
        sink.acceptInBackground();
        return sink;
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the SMTP sink on port " + port, e);
        }
    }

    private void acceptInBackground() {
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> accept(listening), "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public String name() {
        return "java smtp sink (harness)";
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
        return null;
    }

    @Override
    public void close() {
        closed = true;
        stopListening();
    }

    /** Down: the port refuses connections and the open ones are cut, as when a mail server goes away. */
    @Override
    public synchronized void pause() {
        stopListening();
    }

    /** Up again on the same port. */
    @Override
    public synchronized void resume() {
        server = listen(port);
        acceptInBackground();
    }

    private void stopListening() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // cut anyway
            }
        }
    }

    private void accept(ServerSocket listening) {
        while (!closed && !listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                Thread connection = new Thread(() -> converse(socket), "smtp-sink-" + socket.getPort());
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void converse(Socket socket) {
        connections.add(socket);
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            socket.setTcpNoDelay(true);
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String id = readMessage(in, receipts);
                        if (id == null) {
                            receipts.refused();
                        } else {
                            receipts.received(id);
                        }
                        reply(out, "250 2.0.0 Ok");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "250 2.0.0 Ok");
                }
            }
        } catch (IOException e) {
            // the client went away; whatever it completed is counted
        } finally {
            connections.remove(socket);
        }
    }

    /** Reads up to the final dot; returns the id of the Message-ID header, if there was one. */
    private static @Nullable String readMessage(InputStream in, Receipts receipts) throws IOException {
        String id = null;
        boolean inHeaders = true;
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return id;
            }
            receipts.bytes(line.length() + 2L);
            if (inHeaders) {
                if (line.isEmpty()) {
                    inHeaders = false;
                } else if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    id = SmtpSink.idOf(line.substring(11));
                }
            }
        }
        throw new IOException("connection closed in the middle of a message");
    }

    private static @Nullable String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
