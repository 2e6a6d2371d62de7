package eu.herald.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes left behind by a run of the stack that was killed (SIGKILL, a closed IDE) before it
 * could stop them: they hold the ports and the data directories. Only processes that name this
 * stack's folder on their command line are touched, and only while this run holds the folder's
 * lock, so a stack that is still running is never one of them.
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);

    private Leftovers() {}

    static void stop(Path home) {
        // each followed by a space, the next argument: a folder whose name merely starts alike is another stack's
        String marker = Processes.marker(home) + " ";
        String kafka = "-Dherald.kafka.directory=" + home.resolve("kafka") + " ";
        List<ProcessHandle> java = ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .filter(line -> line.contains(marker) || line.contains(kafka))
                        .isPresent())
                .toList();
        // the services first, as in a normal stop: they are clients of the rest
        java.stream().filter(process -> !isKafka(process, kafka)).forEach(process -> stop(process, nameOf(process)));
        java.stream().filter(process -> isKafka(process, kafka)).forEach(process -> stop(process, "Kafka"));
        postmaster(home.resolve("postgres")).ifPresent(process -> stop(process, "PostgreSQL"));
    }

    private static String nameOf(ProcessHandle process) {
        String line = process.info().commandLine().orElse("");
        if (line.contains("greenmail")) {
            return "the mailbox";
        }
        return Stream.concat(
                        LocalStackSettings.SERVICE_NAMES.stream(), Stream.of(LocalAuthorization.NAME, LocalWeb.NAME))
                .filter(name -> line.contains(name + ".jar"))
                .findFirst()
                .orElse("a service");
    }

    private static boolean isKafka(ProcessHandle process, String kafka) {
        return process.info().commandLine().orElse("").contains(kafka);
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(
                    Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(process -> process.info().commandLine().orElse("").contains(dataDirectory.toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle process, String what) {
        log.warn("stopping {} left running by an earlier run (pid {})", what, process.pid());
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
