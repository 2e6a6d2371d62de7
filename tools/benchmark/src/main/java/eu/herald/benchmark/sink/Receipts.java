package eu.herald.benchmark.sink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a sink received, in arrival order: each delivery's id and the time it arrived (epoch
 * microseconds, the same clock as the services' timestamps on this machine), and how many arrivals
 * could not be counted as a delivery (no id, a bad signature).
 */
public final class Receipts {

    /** One delivery as the sink saw it. */
    public record Receipt(String id, long receivedAtMicros) {}

    private final List<Receipt> received = new ArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public void received(String id) {
        Receipt receipt = new Receipt(id, nowMicros());
        synchronized (received) {
            received.add(receipt);
        }
    }

    public void refused() {
        refused.incrementAndGet();
    }

    /** Bytes of what arrived, for a raw ceiling that sends messages of the same size. */
    public void bytes(long count) {
        bytes.addAndGet(count);
    }

    public long averageBytes() {
        long arrivals = count() + refused.get();
        return arrivals == 0 ? 0 : bytes.get() / arrivals;
    }

    public int count() {
        synchronized (received) {
            return received.size();
        }
    }

    public long refusedCount() {
        return refused.get();
    }

    /** The receipts from this index on, for a reader that follows the arrivals. */
    public List<Receipt> from(int index) {
        synchronized (received) {
            return new ArrayList<>(received.subList(Math.min(index, received.size()), received.size()));
        }
    }

    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
