package eu.herald.web.console.fanout;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Whether a fan-out has settled, as one stream sees it poll after poll. Notifications calls a fan-out finished as
 * soon as nothing that arrived is pending or retrying, but the requests of a fan-out arrive one municipality at a
 * time: until as many deliveries as the preview counted arrived, or, without a count, while the counts still move,
 * the page waits. Counts that stand still long enough settle it anyway: an endpoint the preview counted may have been
 * removed since.
 */
final class Settling {

    /** Without a count to reach, how long finished counts stand still before the page believes them. */
    static final Duration UNCOUNTED = Duration.ofSeconds(5);
    /** Short of the count, how long finished counts stand still before the page stops waiting for the rest. */
    static final Duration SHORT_OF_COUNT = Duration.ofSeconds(30);

    private final @Nullable Integer expected;
    private int lastTotal = -1;
    private boolean lastFinished;
    private int stillPolls;

    Settling(@Nullable Integer expected) {
        this.expected = expected;
    }

    /** Called once per poll, in order. */
    boolean settled(Progress progress) {
        boolean still = progress.finished() && lastFinished && progress.total() == lastTotal;
        stillPolls = still ? stillPolls + 1 : 0;
        lastTotal = progress.total();
        lastFinished = progress.finished();
        if (expected != null && progress.total() >= expected) {
            return true;
        }
        Duration patience = expected == null ? UNCOUNTED : SHORT_OF_COUNT;
        return stillPolls >= patience.dividedBy(FanOutStreams.POLL);
    }
}
