package eu.herald.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Starting, watching and stopping the child processes of the local stack. */
final class Processes {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Processes() {}

    /** The {@code java} of this JVM: a fresh clone needs no other Java installed or on the PATH. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A system property naming the stack's folder on every child's command line, by which a later
     * run recognises processes left behind by one that was killed.
     */
    static String marker(Path home) {
        return "-Dherald.local.home=" + home;
    }

    static Process start(List<String> command, Path logFile) {
        return start(command, Map.of(), logFile);
    }

    static Process start(List<String> command, Map<String, String> environment, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            keepPreviousLog(logFile);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** One previous log is kept, for looking into what went wrong in the last run. */
    private static void keepPreviousLog(Path logFile) throws IOException {
        if (Files.exists(logFile)) {
            Files.move(
                    logFile,
                    logFile.resolveSibling(logFile.getFileName() + ".previous"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Waits until {@code GET uri} answers 200 (and the body passes {@code body}). */
    static void awaitHttpOk(
            String name, Process process, URI uri, Duration timeout, Path logFile, BooleanSupplier cancelled) {
        awaitHttpOk(name, process, uri, timeout, logFile, cancelled, body -> true);
    }

    static void awaitHttpOk(
            String name,
            Process process,
            URI uri,
            Duration timeout,
            Path logFile,
            BooleanSupplier cancelled,
            Predicate<String> body) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (answersOk(uri, body)) {
                return;
            }
            if (cancelled.getAsBoolean()) {
                throw new IllegalStateException("stopped while waiting for " + name);
            }
            try {
                // waiting for the process to exit is the pause between two probes, and notices a crash at once
                if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(
                            name + " exited with " + process.exitValue() + " while starting:\n" + tail(logFile));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        name + " was not ready at " + uri + " within " + timeout + ":\n" + tail(logFile));
            }
        }
    }

    private static boolean answersOk(URI uri, Predicate<String> body) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && body.test(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, which Spring Boot, Kafka and GreenMail answer with a graceful shutdown; SIGKILL after the timeout. */
    static void terminate(Process process, Duration timeout) {
        process.destroy();
        awaitExit(process, timeout);
    }

    static void awaitExit(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The end of a log, for error messages: usually the reason a process did not start. */
    static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n(full log: "
                    + logFile + ")";
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + logFile + ")";
        }
    }
}
