package eu.herald.benchmark;

import eu.herald.benchmark.report.Results.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the figures were taken on, from /proc. */
final class Machines {

    private Machines() {}

    static Machine describe(String smtpSink, String postgresql, String kafkaBroker) {
        return new Machine(
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memoryMiB(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"),
                smtpSink,
                "JDK HttpServer (harness), signatures verified",
                postgresql,
                kafkaBroker);
    }

    private static String cpuModel() {
        return lines("/proc/cpuinfo").stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse(System.getProperty("os.arch"));
    }

    private static long memoryMiB() {
        return lines("/proc/meminfo").stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                .findFirst()
                .orElse(Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
