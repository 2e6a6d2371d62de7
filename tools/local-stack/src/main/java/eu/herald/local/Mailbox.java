package eu.herald.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMTP server the services send to, whose mail can be read: GreenMail standalone in its own
 * process, with authentication off so that any recipient is accepted, and its REST API (the same
 * one a developer uses with {@code curl}). GreenMail keeps mail in memory: each run starts with an
 * empty mailbox.
 */
public final class Mailbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOST = "127.0.0.1";

    private final LocalStackSettings settings;
    private final Path logFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private @Nullable Process process;

    Mailbox(LocalStackSettings settings) {
        this.settings = settings;
        this.logFile = settings.logs().resolve("mailbox.log");
    }

    /** A message as the mailbox API lists it; {@code mime} is the raw RFC 5322 text. */
    public record ReceivedMail(String messageId, String subject, String mime) {}

    synchronized void start(BooleanSupplier cancelled) {
        if (process != null) {
            return;
        }
        Path jar = settings.mailboxJar();
        if (jar == null || !jar.toFile().isFile()) {
            throw new IllegalStateException("GreenMail standalone is missing at " + jar
                    + ": build the local-stack module (./mvnw -pl tools/local-stack package)");
        }
        List<String> command = List.of(
                Processes.java(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                Processes.marker(settings.home()),
                "-Dgreenmail.smtp.hostname=" + HOST,
                "-Dgreenmail.smtp.port=" + settings.smtpPort(),
                "-Dgreenmail.imap.hostname=" + HOST,
                "-Dgreenmail.imap.port=" + settings.imapPort(),
                "-Dgreenmail.api.hostname=" + HOST,
                "-Dgreenmail.api.port=" + settings.mailboxApiPort(),
                // any recipient gets a mailbox on first delivery; IMAP accepts any user and password
                "-Dgreenmail.auth.disabled",
                "-jar",
                jar.toString());
        Process started = Processes.start(command, logFile);
        process = started;
        Processes.awaitHttpOk(
                "the mailbox",
                started,
                api().resolve("/api/service/readiness"),
                Duration.ofSeconds(60),
                logFile,
                cancelled);
    }

    synchronized void stop() {
        Process running = process;
        process = null;
        if (running != null) {
            Processes.terminate(running, Duration.ofSeconds(15));
        }
    }

    /** The REST API, for example {@code GET /api/user} and {@code GET /api/user/<email>/messages/}. */
    public URI api() {
        return URI.create("http://" + HOST + ":" + settings.mailboxApiPort());
    }

    /** Every address that has received mail. */
    public List<String> recipients() {
        List<String> addresses = new ArrayList<>();
        for (JsonNode user : JSON.readTree(get("/api/user").body())) {
            addresses.add(user.path("email").asString());
        }
        return addresses;
    }

    /** The messages delivered to one address; none when the address has never received mail. */
    public List<ReceivedMail> messagesTo(String address) {
        HttpResponse<String> response =
                get("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/");
        List<ReceivedMail> messages = new ArrayList<>();
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return messages;
        }
        for (JsonNode message : JSON.readTree(response.body())) {
            messages.add(new ReceivedMail(
                    message.path("Message-ID").asString(),
                    message.path("subject").asString(),
                    message.path("mimeMessage").asString()));
        }
        return messages;
    }

    private HttpResponse<String> get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(api().resolve(path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new IllegalStateException("mailbox API " + path + " answered " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("mailbox API " + path + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }
}
