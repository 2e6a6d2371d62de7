package eu.herald.benchmark;

import eu.herald.benchmark.FaultResult.Event;
import eu.herald.benchmark.FaultResult.Recovery;
import eu.herald.benchmark.report.ChartFrame;
import eu.herald.benchmark.report.Results.Machine;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the fault suite's {@code results.json}, {@code results.md} and one {@code <fault>.png} timeline per fault. */
final class FaultReport {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The whole suite's results, as {@code results.json} has them. */
    record Suite(String startedAt, String command, Machine machine, List<FaultResult> faults) {
        boolean passed() {
            return faults.stream().allMatch(FaultResult::passed);
        }
    }

    private FaultReport() {}

    static void write(Suite suite, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("results.json"), JSON.writeValueAsString(suite), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("results.md"), markdown(suite), StandardCharsets.UTF_8);
            for (FaultResult fault : suite.faults()) {
                ImageIO.write(
                        timeline(fault),
                        "png",
                        folder.resolve(fault.fault() + ".png").toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + folder, e);
        }
    }

    static String markdown(Suite suite) {
        StringBuilder md = new StringBuilder();
        Machine machine = suite.machine();
        md.append("# Herald fault suite, ").append(suite.startedAt()).append("\n\n");
        md.append("`").append(suite.command()).append("`\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Machine: %s, %d cores, %,d MiB, %s; %s; PostgreSQL %s; Kafka broker %s.%n%n",
                machine.cpu(),
                machine.cores(),
                machine.memoryMiB(),
                machine.os(),
                machine.java(),
                machine.postgresql(),
                machine.kafkaBroker()));
        md.append("| fault | deliveries | lost | internal duplicates | raw wire duplicates (bound) | taken over "
                + "| not final | outcomes ≠ 1 | history disagrees | duplicate requests | result |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FaultResult fault : suite.faults()) {
            var wire = fault.wire();
            var consistency = fault.consistency();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d of %,d in %.1f s | %,d | %,d | %,d (≤ %,d) | %,d | %,d | %,d | %,d | %,d | %s |%n",
                    fault.fault(),
                    wire.received(),
                    fault.expected(),
                    fault.seconds(),
                    wire.lost(),
                    wire.internalDuplicates(),
                    wire.rawWireDuplicates(),
                    wire.inFlightBound(),
                    wire.takenOver(),
                    consistency.notFinal(),
                    consistency.withoutOneFinalOutcome(),
                    consistency.historyDisagrees(),
                    consistency.duplicateRequests(),
                    fault.passed() ? "passed" : "**failed**"));
        }
        for (FaultResult fault : suite.faults()) {
            md.append("\n## ")
                    .append(fault.fault())
                    .append(": ")
                    .append(fault.description())
                    .append("\n\n");
            for (Event event : fault.events()) {
                md.append(String.format(Locale.ROOT, "- %.1f s: %s%n", event.second(), event.what()));
            }
            for (Recovery recovery : fault.recoveries()) {
                md.append(String.format(
                        Locale.ROOT,
                        "- recovery, %s: %s%s%n",
                        recovery.what(),
                        recovery.seconds() == null ? "not within the run" : recovery.seconds() + " s",
                        recovery.limitSeconds() == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " (limit %.0f s: %s)",
                                        recovery.limitSeconds(),
                                        recovery.met() ? "met" : "missed")));
            }
            for (FaultResult.Rate rate : fault.rates()) {
                md.append(String.format(
                        Locale.ROOT,
                        "- rate with %s: %,d deliveries in %.1f s, %,.0f/s%n",
                        rate.what(),
                        rate.deliveries(),
                        rate.seconds(),
                        rate.perSecond()));
            }
            md.append(String.format(
                    Locale.ROOT,
                    "- requests: %,d committed, %,d more than once; final outcomes read twice under one id: %,d%n",
                    fault.consistency().requests(),
                    fault.consistency().duplicateRequests(),
                    fault.consistency().outcomeCopies()));
            fault.notes().forEach(note -> md.append("- ").append(note).append('\n'));
            md.append("\n![")
                    .append(fault.fault())
                    .append("](")
                    .append(fault.fault())
                    .append(".png)\n");
        }
        return md.toString();
    }

    /** Deliveries per second since the change, with each of the suite's steps marked where it happened. */
    static BufferedImage timeline(FaultResult fault) {
        int[] perSecond = fault.perSecond();
        double maxSeconds = Math.max(1, perSecond.length);
        for (Event event : fault.events()) {
            maxSeconds = Math.max(maxSeconds, event.second() + 1);
        }
        int maxCount = 1;
        for (int count : perSecond) {
            maxCount = Math.max(maxCount, count);
        }
        ChartFrame frame = new ChartFrame(
                420,
                "Herald under a fault: " + fault.description(),
                maxSeconds,
                maxCount,
                "%,.0f/s",
                "deliveries per second, by seconds since the change was committed");
        Graphics2D g = frame.graphics();
        g.setColor(new Color(0x1f77b4));
        for (int second = 0; second < perSecond.length; second++) {
            int x = frame.x(second);
            int y = frame.y(perSecond[second]);
            g.fillRect(x, y, Math.max(1, frame.x(second + 1) - x - 1), frame.bottom() - y);
        }
        g.setStroke(new BasicStroke(1.5f));
        int row = 0;
        for (Event event : fault.events()) {
            int x = frame.x(event.second());
            g.setColor(new Color(0xd62728));
            g.drawLine(x, frame.top(), x, frame.bottom());
            g.drawString(event.what(), Math.min(x + 3, frame.right() - 280), frame.top() + 12 + 13 * (row++ % 8));
        }
        return frame.image();
    }
}
