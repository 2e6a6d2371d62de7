package eu.herald.benchmark;

import eu.herald.benchmark.FaultResult.Rate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Rates and recoveries read off the deliveries' arrival times (epoch µs, sorted), around the faults. */
final class FaultTimeline {

    /** The rate before a fault is taken over this long. */
    private static final long BEFORE_MICROS = 5_000_000L;

    private static final long SECOND = 1_000_000L;

    private FaultTimeline() {}

    /** Deliveries that arrived in each second since the origin. */
    static int[] perSecond(long[] arrivals, long originMicros) {
        if (arrivals.length == 0) {
            return new int[0];
        }
        int[] counts = new int[(int) ((arrivals[arrivals.length - 1] - originMicros) / SECOND) + 1];
        for (long arrival : arrivals) {
            counts[(int) Math.max(0, (arrival - originMicros) / SECOND)]++;
        }
        return counts;
    }

    /**
     * Seconds from {@code fromMicros} (the fault's end: a restart, the sinks' return) until deliveries arrive again
     * at half the rate of the five seconds before the fault ({@code faultMicros}) or more, over one second; or until
     * the next delivery when none arrived before the fault. Null when neither happened.
     */
    static @Nullable Double resumed(long[] arrivals, long faultMicros, long fromMicros) {
        long before = count(arrivals, faultMicros - BEFORE_MICROS, faultMicros);
        double wanted = Math.max(1, before * SECOND / (double) BEFORE_MICROS / 2);
        int first = lowerBound(arrivals, fromMicros);
        for (int i = first; i < arrivals.length; i++) {
            if (count(arrivals, arrivals[i], arrivals[i] + SECOND) >= wanted || i == arrivals.length - 1) {
                // the last deliveries may come slower than half the rate: the tail of the fan-out, not a stall
                return Math.round((arrivals[i] - fromMicros) / 1e5) / 10.0;
            }
        }
        return null;
    }

    /** The delivery rate between two moments. */
    static Rate rate(String what, long[] arrivals, long fromMicros, long toMicros) {
        long count = count(arrivals, fromMicros, toMicros);
        double seconds = (toMicros - fromMicros) / 1e6;
        return new Rate(
                what,
                count,
                Math.round(seconds * 10) / 10.0,
                seconds <= 0 ? 0 : Math.round(count / seconds * 10) / 10.0);
    }

    private static long count(long[] arrivals, long fromMicros, long toMicros) {
        return lowerBound(arrivals, toMicros) - lowerBound(arrivals, fromMicros);
    }

    /** The index of the first arrival at or after the moment. */
    private static int lowerBound(long[] arrivals, long micros) {
        int index = Arrays.binarySearch(arrivals, micros);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && arrivals[index - 1] == micros) {
            index--;
        }
        return index;
    }
}
