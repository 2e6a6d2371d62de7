package eu.herald.benchmark.report;

import eu.herald.benchmark.report.Results.Ceiling;
import eu.herald.benchmark.report.Results.ProcessUsage;
import eu.herald.benchmark.report.Results.Release;
import eu.herald.benchmark.report.Results.ScenarioResult;
import eu.herald.benchmark.report.Results.Target;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code results.json}, {@code results.md} and {@code deliveries.png} into a run's folder. */
public final class ResultFiles {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)
    };

    private ResultFiles() {}

    public static void write(Results results, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("results.json"), JSON.writeValueAsString(results), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("results.md"), markdown(results), StandardCharsets.UTF_8);
            ImageIO.write(
                    chart(results), "png", folder.resolve("deliveries.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + folder, e);
        }
    }

    public static String markdown(Results results) {
        StringBuilder md = new StringBuilder();
        Results.Machine machine = results.machine();
        md.append("# Herald fan-out benchmark\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%s on %s, %d cores, %,d MiB, %s, Java %s; SMTP sink: %s; webhook sink: %s; PostgreSQL: %s;"
                        + " Kafka broker JVM: `%s`. Command: `%s`%n%n",
                results.startedAt(),
                machine.cpu(),
                machine.cores(),
                machine.memoryMiB(),
                machine.os(),
                machine.java(),
                machine.smtpSink(),
                machine.webhookSink(),
                machine.postgresql(),
                machine.kafkaBroker(),
                results.command()));
        md.append(
                "| scenario | deliveries | matcher (requests/s) | all delivered in | deliveries/s | latency p50 / p95 / p99 / max (ms) | correct |\n");
        md.append("|---|---:|---:|---:|---:|---|---|\n");
        for (ScenarioResult scenario : results.scenarios()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d of %,d | %s | %s | %s | %s | %s |%n",
                    scenario.name(),
                    scenario.correctness().distinctReceived(),
                    scenario.expectedDeliveries(),
                    scenario.matcher() == null
                            ? "–"
                            : String.format(
                                    Locale.ROOT, "%,.0f", scenario.matcher().perSecond()),
                    scenario.correctness().missing() > 0
                            ? "not all"
                            : String.format(
                                    Locale.ROOT, "%.1f s", scenario.delivery().seconds()),
                    String.format(Locale.ROOT, "%,.0f", scenario.delivery().perSecond()),
                    scenario.latency().samples() == 0
                            ? "–"
                            : String.format(
                                    Locale.ROOT,
                                    "%.0f / %.0f / %.0f / %.0f",
                                    scenario.latency().p50(),
                                    scenario.latency().p95(),
                                    scenario.latency().p99(),
                                    scenario.latency().max()),
                    correctness(scenario.correctness())));
        }
        for (ScenarioResult scenario : results.scenarios()) {
            md.append("\n## ").append(scenario.name()).append("\n\n");
            if (scenario.release() != null) {
                md.append(release(scenario.release(), scenario.delivery()));
            }
            if (!scenario.ceilings().isEmpty()) {
                md.append("| raw ceiling (same run) | how | rate | Herald's share |\n|---|---|---:|---:|\n");
                for (Ceiling ceiling : scenario.ceilings()) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %s | %s | %,.0f/s | %.0f %% |%n",
                            ceiling.name(),
                            ceiling.how(),
                            ceiling.rate().perSecond(),
                            ceiling.heraldShare() * 100));
                }
                md.append('\n');
            }
            md.append("| process | CPU s | peak RSS MiB | heap after GC MiB |\n|---|---:|---:|---:|\n");
            for (ProcessUsage process : scenario.processes()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %.1f | %.0f | %s |%n",
                        process.name(),
                        process.cpuSeconds(),
                        process.peakRssMiB(),
                        process.heapAfterGcMiB() == null
                                ? "–"
                                : String.format(Locale.ROOT, "%.0f", process.heapAfterGcMiB())));
            }
            if (!scenario.targets().isEmpty()) {
                md.append("\n| target | measured | met |\n|---|---|---|\n");
                for (Target target : scenario.targets()) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %s | %s | %s |%n",
                            target.what(),
                            target.measured(),
                            target.met() ? "yes" : "**no**"));
                }
            }
            for (String note : scenario.notes()) {
                md.append("\n- ").append(note);
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String release(Release release, Results.Rate delivery) {
        return String.format(
                Locale.ROOT,
                "Held in quiet hours until %s: recorded %.1f s after the change's commit, %s; the window ended %.1f s"
                        + " after it; first delivery %s after the window's end, %,d released in %.1f s (%,.0f/s).%n%n",
                release.windowEnd(),
                release.recordedSeconds(),
                release.allHeld() ? "all SCHEDULED" : "**not all SCHEDULED before the window ended**",
                release.windowSeconds(),
                release.firstDeliveryMillis() == null
                        ? "–"
                        : String.format(Locale.ROOT, "%,.0f ms", release.firstDeliveryMillis()),
                delivery.count(),
                delivery.seconds(),
                delivery.perSecond());
    }

    private static String correctness(Results.Correctness correctness) {
        if (correctness.exact()) {
            return "exactly once";
        }
        List<String> problems = new ArrayList<>();
        if (correctness.missing() > 0) {
            problems.add(String.format(Locale.ROOT, "%,d missing", correctness.missing()));
        }
        if (correctness.duplicates() > 0) {
            problems.add(String.format(Locale.ROOT, "%,d duplicated", correctness.duplicates()));
        }
        if (correctness.unexpected() > 0) {
            problems.add(String.format(Locale.ROOT, "%,d unexpected", correctness.unexpected()));
        }
        if (correctness.refused() > 0) {
            problems.add(String.format(Locale.ROOT, "%,d refused", correctness.refused()));
        }
        return "**" + String.join(", ", problems) + "**";
    }

    /** Cumulative deliveries (solid) and requests on the topic (thin) per scenario, over seconds since the change. */
    static BufferedImage chart(Results results) {
        double maxSeconds = 1;
        double maxCount = 1;
        for (ScenarioResult scenario : results.scenarios()) {
            for (List<double[]> points : scenario.series().values()) {
                for (double[] point : points) {
                    maxSeconds = Math.max(maxSeconds, point[0]);
                    maxCount = Math.max(maxCount, point[1]);
                }
            }
        }
        ChartFrame frame = new ChartFrame(
                600,
                "Herald: cumulative deliveries after one change",
                maxSeconds,
                maxCount,
                "%,.0f",
                "seconds since the change was committed (held: since the quiet window ended)");
        Graphics2D g = frame.graphics();
        int legend = 0;
        int colour = 0;
        for (ScenarioResult scenario : results.scenarios()) {
            for (Map.Entry<String, List<double[]>> series : scenario.series().entrySet()) {
                boolean requests = series.getKey().startsWith("requests");
                g.setColor(COLORS[colour % COLORS.length]);
                g.setStroke(new BasicStroke(requests ? 1f : 2.5f));
                int[] previous = null;
                for (double[] point : series.getValue()) {
                    int[] here = {frame.x(point[0]), frame.y(point[1])};
                    if (previous != null) {
                        g.drawLine(previous[0], previous[1], here[0], here[1]);
                    }
                    previous = here;
                }
                g.drawString(
                        scenario.name() + ": " + series.getKey(),
                        frame.right() - 260,
                        frame.top() + 20 + 16 * legend++);
                colour++;
            }
        }
        return frame.image();
    }
}
