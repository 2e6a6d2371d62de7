package eu.herald.benchmark;

import eu.herald.benchmark.sink.Receipts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * When records became readable, as opposed to when a consumer got round to reading them. Every few milliseconds
 * it asks the broker for each partition's last stable offset: a read-committed consumer can read every record
 * below it, so a record was on the topic by the first sample whose stable offset is past the record's offset.
 *
 * <p>A consumer in the harness is no measure of that: while the services deliver, it gets a share of two busy
 * cores, and it read the last request of a 100,000 fan-out seconds after the matcher had committed it.
 */
final class StableOffsets implements AutoCloseable {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Admin admin;
    private final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    private StableOffsets(String bootstrap, String topic, int partitionCount) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        for (int partition = 0; partition < partitionCount; partition++) {
            partitions.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        this.thread = new Thread(this::sample, "stable-offsets");
        thread.setDaemon(true);
    }

    /** Starts sampling the topic's stable offsets. */
    static StableOffsets follow(String bootstrap, String topic, int partitionCount) {
        StableOffsets offsets = new StableOffsets(bootstrap, topic, partitionCount);
        offsets.thread.start();
        return offsets;
    }

    private void sample() {
        ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        while (!closed) {
            long next = System.nanoTime() + INTERVAL_NANOS;
            try {
                Map<Integer, Long> stable = new HashMap<>();
                admin.listOffsets(partitions, committed)
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .forEach((partition, info) -> stable.put(partition.partition(), info.offset()));
                // the broker answered between the request and now: now is when the offsets were certainly stable
                Sample sample = new Sample(Receipts.nowMicros(), stable);
                synchronized (samples) {
                    samples.add(sample);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // a slow or failed answer leaves a gap; the next sample covers it
            }
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    /** When each record became readable, in the order given. */
    long[] visibleMicros(List<Read> records) {
        List<Sample> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        long[] visible = new long[records.size()];
        for (int i = 0; i < visible.length; i++) {
            Read record = records.get(i);
            // no sample shows it stable only when sampling stopped first: then when it was read is the best known
            visible[i] = firstStable(taken, record).orElse(record.readMicros());
        }
        return visible;
    }

    private static OptionalLong firstStable(List<Sample> samples, Read record) {
        // stable offsets only grow: the first sample past the record is found by bisection
        int low = 0;
        int high = samples.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (samples.get(middle).stable().getOrDefault(record.partition(), -1L) > record.offset()) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low == samples.size()
                ? OptionalLong.empty()
                : OptionalLong.of(samples.get(low).micros());
    }

    /** Where a record is on the topic, and when a consumer read it. */
    record Read(int partition, long offset, long readMicros) {}

    private record Sample(long micros, Map<Integer, Long> stable) {}

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }
}
