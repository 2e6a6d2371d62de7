package eu.herald.benchmark;

import eu.herald.benchmark.report.Results.Correctness;
import eu.herald.benchmark.sink.Receipts;
import eu.herald.benchmark.sink.Receipts.Receipt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deliveries a run expects and what the sinks received of them: the first arrival of each
 * expected id (its latency), and every arrival that should not have happened.
 */
final class Deliveries {

    /** Expected delivery id → when it is timed from (epoch µs): the commit of the change it announces, usually. */
    private final Map<String, Long> expected = new HashMap<>();

    private final Map<String, Long> firstArrival = new HashMap<>();
    /** Expected delivery id → how many times it arrived after its first arrival. */
    private final Map<String, Integer> repeats = new HashMap<>();

    private final List<Receipts> sinks;
    private final int[] read;
    private long duplicates;
    private long unexpected;
    private long lastArrival;

    /** Counts what the sinks receive from now on: earlier arrivals belong to an earlier change. */
    Deliveries(List<Receipts> sinks) {
        this.sinks = List.copyOf(sinks);
        this.read = sinks.stream().mapToInt(Receipts::count).toArray();
    }

    /** Every endpoint is due one delivery of the change, under the id notifications derives. */
    void expect(Catalogue.Change change, List<Municipalities.Endpoint> endpoints) {
        expect(change, endpoints, change.occurredAtMicros());
    }

    /** As {@link #expect(Catalogue.Change, List)}, timed from {@code originMicros} (a held change: when it is due). */
    synchronized void expect(Catalogue.Change change, List<Municipalities.Endpoint> endpoints, long originMicros) {
        for (Municipalities.Endpoint endpoint : endpoints) {
            expected.put(Municipalities.deliveryId(change.changeId(), endpoint.id()), originMicros);
        }
    }

    /**
     * Collects every few milliseconds until all expected deliveries arrived, or none has arrived for the
     * stall time: a slow fan-out is waited for as long as it progresses.
     */
    boolean awaitAll(java.time.Duration stall, long pollMillis) {
        long lastProgress = System.nanoTime();
        while (!complete()) {
            if (collect()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                break;
            }
            FanOutRun.pause(pollMillis);
        }
        return complete();
    }

    /** Takes in what arrived since the last call; returns whether anything did. */
    synchronized boolean collect() {
        boolean any = false;
        for (int i = 0; i < sinks.size(); i++) {
            List<Receipt> arrived = sinks.get(i).from(read[i]);
            read[i] += arrived.size();
            for (Receipt receipt : arrived) {
                any = true;
                if (!expected.containsKey(receipt.id())) {
                    unexpected++;
                } else if (firstArrival.putIfAbsent(receipt.id(), receipt.receivedAtMicros()) != null) {
                    duplicates++;
                    repeats.merge(receipt.id(), 1, Integer::sum);
                } else {
                    lastArrival = Math.max(lastArrival, receipt.receivedAtMicros());
                }
            }
        }
        return any;
    }

    synchronized int received() {
        return firstArrival.size();
    }

    synchronized boolean complete() {
        return firstArrival.size() == expected.size();
    }

    synchronized long lastArrivalMicros() {
        return lastArrival;
    }

    /** The first arrival of any expected delivery, or 0 when none arrived. */
    synchronized long firstArrivalMicros() {
        return firstArrival.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** Expected deliveries that arrived before the time (epoch µs). */
    synchronized long arrivedBefore(long micros) {
        return firstArrival.values().stream().filter(at -> at < micros).count();
    }

    /** The expected ids that arrived more than once, with how many times more. */
    synchronized Map<String, Integer> repeated() {
        return Map.copyOf(repeats);
    }

    /** The first arrival of each expected delivery that arrived (epoch µs), in order. */
    synchronized long[] arrivals() {
        return firstArrival.values().stream()
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
    }

    /** Change commit (or the origin it was expected with) → first arrival of each delivery that arrived, in µs. */
    synchronized long[] latencies() {
        return firstArrival.entrySet().stream()
                .mapToLong(arrival -> arrival.getValue() - expected.get(arrival.getKey()))
                .toArray();
    }

    /** Seconds since {@code originMicros} and the count reached then, at most about 400 points. */
    synchronized List<double[]> cumulative(long originMicros) {
        long[] times = firstArrival.values().stream()
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
        return cumulative(times, originMicros);
    }

    static List<double[]> cumulative(long[] sortedMicros, long originMicros) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        int step = Math.max(1, sortedMicros.length / 400);
        for (int i = 0; i < sortedMicros.length; i += step) {
            points.add(new double[] {(sortedMicros[i] - originMicros) / 1e6, i + 1});
        }
        if (sortedMicros.length > 0) {
            points.add(new double[] {(sortedMicros[sortedMicros.length - 1] - originMicros) / 1e6, sortedMicros.length
            });
        }
        return points;
    }

    synchronized Correctness correctness() {
        long refused = sinks.stream().mapToLong(Receipts::refusedCount).sum();
        return new Correctness(
                expected.size(),
                firstArrival.size(),
                expected.size() - firstArrival.size(),
                duplicates,
                unexpected,
                refused);
    }
}
