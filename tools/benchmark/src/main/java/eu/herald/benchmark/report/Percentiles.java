package eu.herald.benchmark.report;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of latencies. */
public final class Percentiles {

    private Percentiles() {}

    public static Results.Latency of(long[] micros) {
        if (micros.length == 0) {
            return new Results.Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Results.Latency(
                sorted.length,
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.95)),
                millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
