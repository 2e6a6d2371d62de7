package eu.herald.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service JVM's own record of its collections ({@code -Xlog:gc} with epoch milliseconds): the heap left after
 * each pause is the live set plus what the collection did not reach, an honest upper bound of what the service
 * needs, where a used-heap sample mostly measures how much garbage the collector let accumulate.
 */
final class GcLog {

    /** For example {@code [1765068001123ms] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 120M->45M(512M) 4.2ms}. */
    private static final Pattern PAUSE =
            Pattern.compile("^\\[(\\d+)ms].* Pause .*? \\d+[BKMG]->(\\d+)([BKMG])\\(\\d+[BKMG]\\)");

    private GcLog() {}

    /** The JVM option that writes the log this class reads. */
    static String option(Path file) {
        return "-Xlog:gc:file=" + file + ":timemillis";
    }

    /**
     * The largest heap after a collection that ended in the window, in MiB; when none did, the heap after the last
     * one before it, which the window started with; empty when the JVM never collected.
     */
    static OptionalDouble peakAfterGcMiB(List<String> lines, long fromMillis, long toMillis) {
        double peak = -1;
        double before = -1;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (!pause.find()) {
                continue;
            }
            long at = Long.parseLong(pause.group(1));
            double after = mebibytes(Long.parseLong(pause.group(2)), pause.group(3));
            if (at < fromMillis) {
                before = after;
            } else if (at <= toMillis) {
                peak = Math.max(peak, after);
            }
        }
        double result = peak >= 0 ? peak : before;
        return result >= 0 ? OptionalDouble.of(result) : OptionalDouble.empty();
    }

    static OptionalDouble peakAfterGcMiB(Path file, long fromMillis, long toMillis) {
        try {
            return peakAfterGcMiB(Files.readAllLines(file, StandardCharsets.UTF_8), fromMillis, toMillis);
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    private static double mebibytes(long value, String unit) {
        return switch (unit) {
            case "B" -> value / (1024.0 * 1024);
            case "K" -> value / 1024.0;
            case "G" -> value * 1024.0;
            default -> value;
        };
    }
}
