package eu.herald.benchmark;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one fault did to one fan-out, from the sinks' records and Herald's own log, topics and history.
 *
 * @param fault as the command line spells it
 * @param description what was done
 * @param expected deliveries due: one per endpoint of every municipality
 * @param seconds from the change's commit to the last delivery
 * @param events what the suite did, and when (seconds since the change's commit)
 * @param wire what the sinks received
 * @param consistency what Herald's delivery log, its outcomes and subscriptions' history say
 * @param recoveries how long each fault took to recover from
 * @param rates delivery rates worth comparing, such as at one and at three notifiers
 * @param perSecond deliveries that arrived in each second since the change (first arrivals)
 * @param notes what else a reader needs
 */
record FaultResult(
        String fault,
        String description,
        int municipalities,
        long expected,
        double seconds,
        List<Event> events,
        Wire wire,
        Consistency consistency,
        List<Recovery> recoveries,
        List<Rate> rates,
        int[] perSecond,
        List<String> notes) {

    /** Something the suite did, such as a SIGKILL, {@code second}s after the change's commit. */
    record Event(double second, String what) {}

    /**
     * @param lost delivery ids expected and never received
     * @param internalDuplicates ids received twice although Herald's log shows a single attempt and no takeover: a
     *     repeat that nothing explains
     * @param rawWireDuplicates ids received twice where the log shows why: taken over from an instance that died
     *     between a send and its record, or attempted again after a receiver that took it went down before answering
     * @param takenOver deliveries of the change that the log records as taken over from a dead instance
     * @param inFlightBound how many sends could have been in flight at the kills: the kills times each instance's
     *     parallel attempts (email and webhook workers); 0 when nothing was killed
     * @param unexpected ids received that no endpoint was due
     * @param refused arrivals with no id or a bad signature
     */
    record Wire(
            long received,
            long lost,
            long internalDuplicates,
            long rawWireDuplicates,
            long takenOver,
            long inFlightBound,
            long unexpected,
            long refused) {}

    /**
     * @param logged deliveries of the change in notifications' delivery log
     * @param notFinal of those, deliveries not in a final state
     * @param withoutOneFinalOutcome deliveries with no final outcome, or more than one, on the outcomes topic
     * @param outcomeCopies final outcomes read twice under the same outcome id (a relay repeating itself; readers
     *     ignore the copy)
     * @param historyDisagrees deliveries whose status in subscriptions' history differs from the log's
     * @param requests distinct requests committed to the requests topic
     * @param duplicateRequests requests committed more than once
     */
    record Consistency(
            long logged,
            long notFinal,
            long withoutOneFinalOutcome,
            long outcomeCopies,
            long historyDisagrees,
            long requests,
            long duplicateRequests) {}

    /**
     * @param what what recovered, from when
     * @param seconds how long it took, or null when it did not within the run
     * @param limitSeconds the promise it is held to, if any
     */
    record Recovery(
            String what, @Nullable Double seconds, @Nullable Double limitSeconds) {
        boolean met() {
            return seconds != null && (limitSeconds == null || seconds <= limitSeconds);
        }
    }

    record Rate(String what, long deliveries, double seconds, double perSecond) {}

    /** Nothing lost, nothing repeated unexplained, raw repeats within the sends in flight, everything consistent. */
    boolean passed() {
        return wire.lost() == 0
                && wire.internalDuplicates() == 0
                && wire.unexpected() == 0
                && wire.rawWireDuplicates() <= wire.inFlightBound()
                && consistency.notFinal() == 0
                && consistency.logged() == expected
                && consistency.withoutOneFinalOutcome() == 0
                && consistency.historyDisagrees() == 0
                && consistency.duplicateRequests() == 0
                && recoveries.stream().allMatch(Recovery::met);
    }
}
