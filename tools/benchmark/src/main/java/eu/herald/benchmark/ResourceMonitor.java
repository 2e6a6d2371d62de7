package eu.herald.benchmark;

import eu.herald.benchmark.report.Results.ProcessUsage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU and memory of each process while a scenario runs: CPU seconds from {@code /proc/<pid>/stat} (user +
 * system, for PostgreSQL its whole process tree, exited backends included) and peak RSS from {@code
 * /proc/<pid>/status} ({@code VmHWM}), sampled every second; and the services' heap after each collection in the
 * window, from their GC logs ({@link GcLog}).
 */
final class ResourceMonitor implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;
    static final String POSTGRESQL = "postgresql";

    private final Map<String, ProcessHandle> processes;
    private final Map<String, Path> gcLogs;
    private final long startedMillis = System.currentTimeMillis();
    private final Map<String, Long> cpuAtStart = new LinkedHashMap<>();
    private final Map<String, Long> cpuLatest = new ConcurrentHashMap<>();
    private final Map<String, Double> peakRss = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean closed;

    /**
     * Starts sampling; the CPU of each process is counted from now.
     *
     * @param gcLogs each service's GC log ({@link GcLog#option}), by the service's name in {@code processes}
     */
    ResourceMonitor(Map<String, ProcessHandle> processes, Map<String, Path> gcLogs) {
        this.processes = processes;
        this.gcLogs = gcLogs;
        processes.forEach((name, process) -> cpuAtStart.put(name, cpuTicks(name, members(name, process))));
        this.sampler = new Thread(this::sample, "resource-monitor");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and returns the usage since the start, one line per process. */
    List<ProcessUsage> usage() {
        close();
        sampleOnce();
        long endedMillis = System.currentTimeMillis();
        List<ProcessUsage> usage = new ArrayList<>();
        processes.forEach((name, process) -> {
            Path gcLog = gcLogs.get(name);
            OptionalDouble heap =
                    gcLog == null ? OptionalDouble.empty() : GcLog.peakAfterGcMiB(gcLog, startedMillis, endedMillis);
            usage.add(new ProcessUsage(
                    name,
                    Math.round((cpuLatest.getOrDefault(name, 0L) - cpuAtStart.get(name)) / TICKS_PER_SECOND * 10)
                            / 10.0,
                    Math.round(peakRss.getOrDefault(name, 0.0)),
                    heap.isPresent() ? (double) Math.round(heap.getAsDouble()) : null));
        });
        return usage;
    }

    @Override
    public void close() {
        closed = true;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        while (!closed) {
            sampleOnce();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sampleOnce() {
        processes.forEach((name, process) -> {
            if (process.isAlive()) {
                List<ProcessHandle> members = members(name, process);
                cpuLatest.put(name, cpuTicks(name, members));
                peakRss.merge(name, rssMiB(name, members), Math::max);
            }
        });
    }

    /**
     * The process, and for PostgreSQL, a tree of processes (a backend per connection), its live
     * descendants: listing them scans /proc, so it is done once per sample.
     */
    private static List<ProcessHandle> members(String name, ProcessHandle process) {
        return name.equals(POSTGRESQL)
                ? Stream.concat(Stream.of(process), process.descendants()).toList()
                : List.of(process);
    }

    /** The first member is the process itself; for PostgreSQL the others are its live backends. */
    private static long cpuTicks(String name, List<ProcessHandle> members) {
        // the postmaster's own ticks with those of its exited children (cutime, cstime), and the live ones'
        long ticks = stat(members.get(0).pid(), name.equals(POSTGRESQL));
        for (ProcessHandle child : members.subList(1, members.size())) {
            ticks += stat(child.pid(), false);
        }
        return ticks;
    }

    /** utime + stime (fields 14, 15 of /proc/pid/stat), with cutime + cstime (16, 17) when asked. */
    private static long stat(long pid, boolean withExitedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name in parentheses may contain spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withExitedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static double rssMiB(String name, List<ProcessHandle> members) {
        if (name.equals(POSTGRESQL)) {
            // every backend maps the same shared buffers: private memory of each, shared memory once
            double anonymous = 0;
            double shared = 0;
            for (ProcessHandle member : members) {
                Map<String, Long> status = status(member.pid());
                anonymous += status.getOrDefault("RssAnon", 0L);
                shared = Math.max(shared, status.getOrDefault("RssShmem", 0L) + status.getOrDefault("RssFile", 0L));
            }
            return (anonymous + shared) / 1024;
        }
        return status(members.get(0).pid()).getOrDefault("VmHWM", 0L) / 1024.0;
    }

    /** The kB figures of /proc/pid/status. */
    private static Map<String, Long> status(long pid) {
        Map<String, Long> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.endsWith(" kB")) {
                    values.put(
                            line.substring(0, colon),
                            Long.parseLong(
                                    line.substring(colon + 1, line.length() - 3).trim()));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited
        }
        return values;
    }
}
