package eu.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTests {

    private static final List<String> LOG = List.of(
            "[1000ms] Using G1",
            "[1500ms] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(64M) 3.101ms",
            "[2500ms] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M) 8.220ms",
            "[2600ms] GC(2) Concurrent Mark Cycle 40.123ms",
            "[3000ms] GC(3) Pause Full (System.gc()) 1G->400M(1G) 120.5ms",
            "[3500ms] GC(4) Pause Young (Allocation Failure) 204800K->102400K(524288K) 2.0ms");

    @Test
    void takesTheLargestHeapLeftByACollectionInTheWindow() {
        assertThat(GcLog.peakAfterGcMiB(LOG, 2_000, 4_000)).hasValue(400);
        assertThat(GcLog.peakAfterGcMiB(LOG, 3_200, 4_000)).hasValue(100);
    }

    @Test
    void takesTheHeapTheWindowStartedWithWhenNothingWasCollectedInIt() {
        assertThat(GcLog.peakAfterGcMiB(LOG, 1_600, 2_400)).hasValue(6);
    }

    @Test
    void knowsNothingOfAJvmThatNeverCollected() {
        assertThat(GcLog.peakAfterGcMiB(LOG.subList(0, 1), 0, 9_000)).isEmpty();
    }

    @Test
    void writesTheLogItReads() {
        assertThat(GcLog.option(Path.of("/tmp/x/notifications-gc.log")))
                .isEqualTo("-Xlog:gc:file=/tmp/x/notifications-gc.log:timemillis");
    }
}
