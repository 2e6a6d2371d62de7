package eu.herald.web.console.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A fan-out is done when all the preview counted arrived, or when finished counts stood still long enough. */
class SettlingTests {

    @Test
    void asManyAsCountedSettleAtOnce() {
        Settling settling = new Settling(3);
        assertThat(settling.settled(progress(2, true))).isFalse();
        assertThat(settling.settled(progress(3, true))).isTrue();
    }

    @Test
    void withoutACountFinishedCountsAreBelievedOnceTheyStandStill() {
        Settling settling = new Settling(null);
        assertThat(IntStream.range(0, 5).mapToObj(poll -> settling.settled(progress(2, true))))
                .containsOnly(false);
        assertThat(settling.settled(progress(2, true))).isTrue();
        assertThat(settling.settled(progress(3, true)))
                .as("counts that move again")
                .isFalse();
    }

    @Test
    void shortOfTheCountThePageWaitsLongerAndNeverWhileDeliveriesArePending() {
        Settling settling = new Settling(5);
        assertThat(IntStream.range(0, 40).mapToObj(poll -> settling.settled(progress(4, false))))
                .containsOnly(false);
        assertThat(IntStream.range(0, 30).mapToObj(poll -> settling.settled(progress(4, true))))
                .containsOnly(false);
        assertThat(settling.settled(progress(4, true))).isTrue();
    }

    private static Progress progress(int sent, boolean finished) {
        return new Progress(
                UUID.randomUUID(),
                2,
                List.of(),
                Map.of("EMAIL", new Progress.Counts(sent, 0, 0, 0, 0, 0)),
                sent,
                finished);
    }
}
