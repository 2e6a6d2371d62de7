package eu.herald.benchmark;

import eu.herald.benchmark.FaultResult.Event;
import eu.herald.benchmark.FaultResult.Recovery;
import eu.herald.benchmark.sink.Receipts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one fault's run notes as it goes, for its results: each step on the timeline, the recoveries measured while
 * it runs or from the arrivals afterwards, the rates, the kills and what did not go as planned.
 */
final class FaultMarks {

    private static final Logger log = LoggerFactory.getLogger(FaultMarks.class);
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    /** The change's commit (epoch µs), which the timeline counts from. */
    private volatile long origin;

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final List<CompletableFuture<Recovery>> recoveries = new ArrayList<>();
    /** Recoveries and rates worked out from the arrivals once the run is over. */
    private final List<Function<long[], Recovery>> fromArrivals = new ArrayList<>();

    private final List<Function<long[], FaultResult.Rate>> rates = new ArrayList<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong kills = new AtomicLong();

    /** Counts the timeline from the change's commit. */
    void from(long originMicros) {
        origin = originMicros;
    }

    long origin() {
        return origin;
    }

    /** A step, at the time since the change. */
    void mark(String what) {
        double second = (Receipts.nowMicros() - origin) / 1e6;
        events.add(new Event(Math.round(second * 10) / 10.0, what));
        log.info("{} s: {}", String.format(Locale.ROOT, "%.1f", second), what);
    }

    void note(String note) {
        notes.add(note);
    }

    void killed() {
        kills.incrementAndGet();
    }

    /**
     * Measures, in the background, the seconds from {@code sinceMicros} until the condition holds (polled every
     * 0.2 s; none after three minutes).
     *
     * @param limit what it must stay within, if anything
     */
    void recovery(String what, long sinceMicros, BooleanSupplier condition, @Nullable Double limit) {
        recoveries.add(
                CompletableFuture.supplyAsync(() -> new Recovery(what, secondsUntil(sinceMicros, condition), limit)));
    }

    /** A recovery worked out from the arrivals once the run is over. */
    void recoveryFromArrivals(Function<long[], Recovery> recovery) {
        fromArrivals.add(recovery);
    }

    /** A delivery rate worked out from the arrivals once the run is over. */
    void rate(Function<long[], FaultResult.Rate> rate) {
        rates.add(rate);
    }

    /** The recoveries, once each measured: those measured in the background are waited for. */
    List<Recovery> recoveries(long[] arrivals) {
        List<Recovery> all =
                new ArrayList<>(recoveries.stream().map(CompletableFuture::join).toList());
        fromArrivals.forEach(recovery -> all.add(recovery.apply(arrivals)));
        return all;
    }

    List<FaultResult.Rate> rates(long[] arrivals) {
        return rates.stream().map(rate -> rate.apply(arrivals)).toList();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    long kills() {
        return kills.get();
    }

    /** Seconds from {@code sinceMicros} until the condition holds, polled every 0.2 s; null after three minutes. */
    private static @Nullable Double secondsUntil(long sinceMicros, BooleanSupplier condition) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return Math.round((Receipts.nowMicros() - sinceMicros) / 1e5) / 10.0;
            }
            FanOutRun.pause(200);
        }
        return null;
    }
}
